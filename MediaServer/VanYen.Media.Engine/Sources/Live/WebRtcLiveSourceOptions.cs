using VanYen.Media.Engine.Audio.Jitter;

namespace VanYen.Media.Engine.Sources.Live;

/// <summary>Settings of a <see cref="WebRtcLiveSource"/>.</summary>
public sealed record WebRtcLiveSourceOptions
{
    /// <summary>The live talk ends after this long without a packet from the browser (also counted from the start).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The jitter buffer's delays; its <see cref="JitterBufferOptions.TimestampFrequency"/> is set from the time provider.</summary>
    public JitterBufferOptions Jitter { get; init; } = new();

    /// <summary>The clock for arrival times and the idle timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
