namespace VanYen.Media.Engine.Rtcp;

/// <summary>
/// A 64-bit NTP timestamp (RFC 3550 §4, RFC 5905 §6): seconds since 1900-01-01 UTC in the high
/// 32 bits, the fraction of a second in the low 32 bits. RTCP's LSR/DLSR use the middle 32 bits
/// (the "compact" or NTP short format, units of 1/65536 s).
/// </summary>
/// <param name="Value">The 64-bit timestamp.</param>
public readonly record struct NtpTimestamp(ulong Value)
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    private static readonly long s_epochTicks = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>Whole seconds since the NTP era began.</summary>
    public uint Seconds => (uint)(Value >> 32);

    /// <summary>The fraction of a second, in units of 2^-32 s.</summary>
    public uint Fraction => (uint)Value;

    /// <summary>The middle 32 bits (RFC 3550 §6.4.1 "LSR"): 16 bits of seconds, 16 of fraction.</summary>
    public uint Compact => (uint)(Value >> 16);

    /// <summary>Converts a wall-clock time; times past 2036-02-07 wrap into NTP era 1 (RFC 5905 §6).</summary>
    public static NtpTimestamp FromDateTimeOffset(DateTimeOffset time)
    {
        long ticks = time.UtcTicks - s_epochTicks;
        ulong seconds = (ulong)(ticks / TicksPerSecond);
        ulong fraction = ((ulong)(ticks % TicksPerSecond) << 32) / TicksPerSecond;
        return new NtpTimestamp((seconds << 32) | fraction);
    }

    /// <summary>The current wall-clock time of <paramref name="timeProvider"/>.</summary>
    public static NtpTimestamp Now(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return FromDateTimeOffset(timeProvider.GetUtcNow());
    }

    /// <summary>
    /// Converts back to wall-clock time. A seconds value with its top bit clear is taken to be in era 1
    /// (2036-2104), as RFC 4330 §3 suggests.
    /// </summary>
    public DateTimeOffset ToDateTimeOffset()
    {
        long seconds = Seconds;
        if ((seconds & 0x8000_0000) == 0)
        {
            seconds += 1L << 32;
        }

        long fractionTicks = (long)(((ulong)Fraction * TicksPerSecond) >> 32);
        return new DateTimeOffset(s_epochTicks + (seconds * TicksPerSecond) + fractionTicks, TimeSpan.Zero);
    }

    /// <summary>Converts a duration to compact NTP units (1/65536 s), saturating at uint.MaxValue.</summary>
    public static uint DurationToCompact(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return 0;
        }

        // 65536 s fit in 32 bits of 1/65536 s; 65536 s of ticks times 65536 fit in a long.
        if (duration.Ticks >= 65536L * TicksPerSecond)
        {
            return uint.MaxValue;
        }

        return (uint)((duration.Ticks << 16) / TicksPerSecond);
    }

    /// <summary>Converts compact NTP units (1/65536 s) to a duration.</summary>
    public static TimeSpan CompactToDuration(uint compact) =>
        TimeSpan.FromTicks((long)(((ulong)compact * TicksPerSecond) >> 16));
}
