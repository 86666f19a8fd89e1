using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>Opens a relayed station (tiếp sóng) as a program source, once per play.</summary>
public interface IRelaySourceFactory
{
    /// <summary>
    /// Opens, for the broadcast <paramref name="broadcastId"/>, <paramref name="urls"/> (the first, then the alternates), falling back to the Ogg Opus file at
    /// <paramref name="fallbackFilePath"/> when none plays.
    /// </summary>
    /// <exception cref="VanYen.Media.Engine.Sources.Files.AudioDecodeException">Nothing could be opened.</exception>
    ValueTask<IAudioSource> OpenAsync(string broadcastId, IReadOnlyList<string> urls, string? fallbackFilePath, CancellationToken cancellationToken);
}
