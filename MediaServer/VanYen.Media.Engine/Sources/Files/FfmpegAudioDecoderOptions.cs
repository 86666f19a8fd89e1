namespace VanYen.Media.Engine.Sources.Files;

/// <summary>Settings of an <see cref="FfmpegAudioDecoder"/>.</summary>
public sealed record class FfmpegAudioDecoderOptions
{
    /// <summary>The ffmpeg executable: a name looked up on PATH or a full path.</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>
    /// Forces ffmpeg's demuxer (its <c>-f</c> option before the input, e.g. "amr"), for a stream whose
    /// format cannot be probed; null lets ffmpeg probe.
    /// </summary>
    public string? InputFormat { get; init; }

    /// <summary>
    /// ffmpeg's <c>-protocol_whitelist</c> for the input. Null picks "file" for a local path, "pipe" for a stream
    /// and no restriction for a URL. Keeping uploads to one protocol stops a crafted playlist inside them
    /// from making ffmpeg open other files or addresses.
    /// </summary>
    public string? ProtocolWhitelist { get; init; }

    /// <summary>How long to wait for ffmpeg to exit once its output has ended, before it is killed.</summary>
    public TimeSpan ExitTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
