namespace VanYen.Media.Engine.Forwarding;

/// <summary>The arithmetic of <see cref="CallQuality"/>: rates over a window and RFC 3550 report fields in plain units.</summary>
internal static class CallQualityMath
{
    /// <summary>Bits per second of <paramref name="bytes"/> (RTP packets, headers included) over <paramref name="elapsed"/>.</summary>
    public static double BitsPerSecond(long bytes, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero || bytes <= 0 ? 0 : bytes * 8 / elapsed.TotalSeconds;

    /// <summary>Lost over expected in a window (RFC 3550 A.3), 0 to 1; duplicates never make it negative.</summary>
    public static double LossFraction(long expected, long received) =>
        expected <= 0 ? 0 : Math.Clamp((expected - received) / (double)expected, 0, 1);

    /// <summary>The 8-bit "fraction lost" of a report block (RFC 3550 §6.4.1, fixed point /256) as 0 to 1.</summary>
    public static double FromFractionLost(byte fractionLost) => fractionLost / 256.0;

    /// <summary>Interarrival jitter in RTP timestamp units (RFC 3550 §6.4.1) as milliseconds.</summary>
    public static double JitterMilliseconds(double jitterUnits, int clockRate) =>
        clockRate <= 0 ? 0 : jitterUnits * 1000 / clockRate;
}
