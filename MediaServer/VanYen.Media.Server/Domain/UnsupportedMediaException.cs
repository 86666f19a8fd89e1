namespace VanYen.Media.Server.Domain;

/// <summary>An uploaded file is not audio we can decode; the message names the format found: HTTP 415.</summary>
public sealed class UnsupportedMediaException : DomainException
{
    public UnsupportedMediaException(string reason, string message, Exception? innerException = null)
        : base(reason, message, innerException)
    {
    }
}
