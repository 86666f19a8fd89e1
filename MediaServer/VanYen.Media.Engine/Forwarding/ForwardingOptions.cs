namespace VanYen.Media.Engine.Forwarding;

/// <summary>Settings of the <see cref="ForwardingService"/> (teleconsultation SFU).</summary>
public sealed record ForwardingOptions
{
    /// <summary>
    /// Video packets kept per published stream to answer NACKs (a power of two): 512 is about 1 s of 2.5 Mbit/s
    /// camera video, longer than the browser keeps asking for a packet (it gives up after about RTT × a few).
    /// </summary>
    public int PacketCacheSize { get; init; } = 512;

    /// <summary>The largest RTP packet the cache keeps (browsers send at most about 1200 bytes).</summary>
    public int MaxCachedPacketLength { get; init; } = 1500;

    /// <summary>At most one key frame request per published stream this often (PLI storms from several viewers collapse into one).</summary>
    public TimeSpan KeyFrameRequestInterval { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>At most one REMB to a publisher this often, unless the estimate falls by a quarter or more.</summary>
    public TimeSpan BandwidthEstimateInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Bitrate and loss in <see cref="CallQuality"/> cover at least this much time (the last completed window).</summary>
    public TimeSpan QualityWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>At most one log line about dropped packets per room this often (the counter counts them all).</summary>
    public TimeSpan DroppedPacketLogInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock of throttles and quality windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
