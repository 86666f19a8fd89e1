using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Library;

/// <summary>
/// The audio library: uploads (mp3, wav, m4a, ogg, amr, webm recordings) decoded by ffmpeg, normalized to −16 LUFS
/// and stored as Ogg Opus in the data folder. Items belong to the uploader's scope area.
/// </summary>
/// <remarks>Unsupported format → <see cref="UnsupportedMediaException"/> (415, naming the format); deleting an item
/// a schedule uses → <see cref="DomainConflictException"/> (409).</remarks>
public interface IAudioLibrary
{
    Task<LibraryItem> ImportAsync(User caller, string name, Stream content, CancellationToken cancellationToken);

    Task<IReadOnlyList<LibraryItem>> ListAsync(User caller, CancellationToken cancellationToken);

    Task<LibraryItem> GetAsync(User caller, long id, CancellationToken cancellationToken);

    Task<LibraryItem> RenameAsync(User caller, long id, string name, CancellationToken cancellationToken);

    Task DeleteAsync(User caller, long id, CancellationToken cancellationToken);

    /// <summary>The stored Ogg Opus file of an item (no scope check: the broadcast side and device downloads use it).</summary>
    string GetFilePath(long id);
}
