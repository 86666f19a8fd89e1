namespace VanYen.Media.Engine.Delivery.Streams;

/// <summary>Settings of an <see cref="Mp3ClusterStream"/>.</summary>
public sealed record Mp3ClusterStreamOptions
{
    /// <summary>The ffmpeg executable.</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>MP3 bitrate in bit/s (libmp3lame, constant bitrate, mono).</summary>
    public int Bitrate { get; init; } = 64000;

    /// <summary>How far (in program time) a listener may fall behind before it is dropped.</summary>
    public TimeSpan MaxLag { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long ffmpeg may take to exit once its input is closed before it is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
