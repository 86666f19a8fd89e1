using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;

namespace VanYen.Media.Relay.Sources;

/// <summary>Settings of a <see cref="RelaySource"/>: where to relay from, what counts as trouble, how to recover.</summary>
public sealed record class RelaySourceOptions
{
    /// <summary>
    /// The stream URLs, primary first then alternates, in the order they are tried. Anything ffmpeg opens:
    /// http/https (Icecast, SHOUTcast), an HLS playlist (.m3u8), rtp://. At least one.
    /// </summary>
    /// <remarks>
    /// An <c>rtp://host:port</c> URL makes ffmpeg listen on that port without an SDP, so only static payload types
    /// (RFC 3551 §6: PCMU 0, PCMA 8, L16 10/11, MPA 14) can be decoded; Opus and other dynamic types need an SDP
    /// and are not supported this way (live RTP/Opus consoles come in through the engine's own RTP path). UDP has no
    /// end of stream, so a sender that stops is seen as <see cref="RelayTransitionKind.Stalled"/>; and ffmpeg's first
    /// output on RTP takes 1–3 s (probing), so <see cref="StallTimeout"/> must stay above that (the default 5 s does).
    /// HLS is left to ffmpeg's own demuxer (playlist reloads, segment fetches) and is not covered by tests yet.
    /// </remarks>
    public required IReadOnlyList<Uri> Urls { get; init; }

    /// <summary>Opens the source played when every URL is spent (typically a library file); null to end at once.</summary>
    public Func<CancellationToken, ValueTask<IAudioSource>>? Fallback { get; init; }

    /// <summary>The level (RMS, dB relative to full scale) below which audio counts as silence. Default −40 dBFS.</summary>
    public double SilenceThresholdDbfs { get; init; } = -40;

    /// <summary>How long audio may stay below <see cref="SilenceThresholdDbfs"/> before it counts as dead air. Default 20 s.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How many times a URL is tried again after it fails, before the next one. Default 2 (three tries in all).</summary>
    public int RetriesPerUrl { get; init; } = 2;

    /// <summary>The pause before each retry of the same URL. Default 2 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a connection may deliver nothing (connecting included) before it counts as stalled. Default 5 s.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A connection that has played this long without trouble gives its URL all its retries back, so a station that
    /// drops once a day is reconnected each time rather than abandoned. Default 1 minute.
    /// </summary>
    public TimeSpan RetriesRestoredAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The ffmpeg settings (path, forced input format). Its protocol whitelist is left open for URLs.</summary>
    public FfmpegAudioDecoderOptions Decoder { get; init; } = new() { ExitTimeout = TimeSpan.FromSeconds(2) };
}
