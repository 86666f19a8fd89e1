namespace VanYen.Media.Server.Library;

/// <summary>The <see cref="Domain.DomainException.Reason"/> codes of the audio library.</summary>
public static class LibraryErrors
{
    public const string ItemNotFound = "library-item-not-found";
    public const string UnsupportedMedia = "unsupported-media";
    public const string ItemScheduled = "library-item-scheduled";
    public const string Forbidden = "library-forbidden";
}
