namespace VanYen.Media.Server.Broadcasting;

/// <summary>The source part of a broadcast command; which fields apply depends on <see cref="Kind"/>.</summary>
public sealed record BroadcastSource
{
    /// <summary>The kind of source.</summary>
    public required BroadcastSourceKind Kind { get; init; }

    /// <summary>TTS: the text (at most <see cref="BroadcastLimits.MaxTextLength"/> characters).</summary>
    public string? Text { get; init; }

    /// <summary>TTS: espeak-ng voice, <c>vi</c> (default), <c>vi-vn-x-central</c> or <c>vi-vn-x-south</c>.</summary>
    public string? Voice { get; init; }

    /// <summary>TTS: words per minute (80–450), default 165.</summary>
    public int? Rate { get; init; }

    /// <summary>TTS: pitch 0–99, default 50.</summary>
    public int? Pitch { get; init; }

    /// <summary>File: the library item.</summary>
    public long? LibraryItemId { get; init; }

    /// <summary>Relay: the stream URL first, then alternates tried in order.</summary>
    public IReadOnlyList<string>? RelayUrls { get; init; }

    /// <summary>Relay: a configured station (<c>GET /api/relay/stations</c>), instead of <see cref="RelayUrls"/>.</summary>
    public string? StationId { get; init; }

    /// <summary>Relay: the library item played when every URL failed or went silent.</summary>
    public long? FallbackLibraryItemId { get; init; }
}
