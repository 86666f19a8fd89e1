using System.Diagnostics;

namespace VanYen.Media.Engine.Audio.Jitter;

/// <summary>How a <see cref="JitterBuffer"/> sizes itself and adapts its delay.</summary>
public sealed record class JitterBufferOptions
{
    /// <summary>The smallest playout delay the buffer adapts down to.</summary>
    public TimeSpan MinimumDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The largest playout delay the buffer adapts up to.</summary>
    public TimeSpan MaximumDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The playout delay before any jitter has been measured.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(60);

    /// <summary>How many packets the buffer holds; beyond that the oldest is dropped and counted. Must cover <see cref="MaximumDelay"/>.</summary>
    public int Capacity { get; init; } = 32;

    /// <summary>The largest payload accepted, in bytes; longer ones are refused as malformed.</summary>
    public int MaxPayloadSize { get; init; } = 1500;

    /// <summary>
    /// Ticks per second of the arrival timestamps given to <see cref="JitterBuffer.Insert"/>.
    /// The default matches <see cref="Stopwatch.GetTimestamp"/> and <c>TimeProvider.System.GetTimestamp()</c>;
    /// with another <see cref="TimeProvider"/> use its <see cref="TimeProvider.TimestampFrequency"/>.
    /// </summary>
    public long TimestampFrequency { get; init; } = Stopwatch.Frequency;

    /// <summary>How many 20 ms frames in a row are concealed (PLC) before the buffer plays silence instead.</summary>
    public int MaxConsecutiveConcealedFrames { get; init; } = 5;

    /// <summary>A sequence number further than this many packets from the highest seen restarts the stream (reset and resync).</summary>
    public int MaxSequenceJump { get; init; } = 100;

    /// <summary>A timestamp further than this from where the sequence number puts it restarts the stream (reset and resync).</summary>
    public TimeSpan MaxTimestampJump { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When the caller gives the time of each pop (<see cref="JitterBuffer.Pop(Span{short}, long)"/>): how long every
    /// packet played must have waited in the buffer at least one frame (20 ms) plus <see cref="FastShrinkMargin"/> plus
    /// the interarrival jitter, before the buffer plays one frame earlier (every packet of the window would still have
    /// been in time). The adaptive target alone
    /// comes down with a time constant of about 10 s and cannot see the phase between arrivals and pops; this measures
    /// the waits themselves, so a clean link (a LAN, a SIP gateway) settles at the least delay within seconds. Zero
    /// (the default) turns it off.
    /// </summary>
    public TimeSpan FastShrinkWindow { get; init; } = TimeSpan.Zero;

    /// <summary>The least spare wait every packet keeps after a fast shrink (<see cref="FastShrinkWindow"/>). Default 2 ms.</summary>
    public TimeSpan FastShrinkMargin { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first inconsistent value.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumDelay, TimeSpan.Zero, nameof(MinimumDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumDelay, MinimumDelay, nameof(MaximumDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialDelay, MinimumDelay, nameof(InitialDelay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(InitialDelay, MaximumDelay, nameof(InitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 4, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPayloadSize, 1, nameof(MaxPayloadSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(TimestampFrequency, 1, nameof(TimestampFrequency));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxConsecutiveConcealedFrames, nameof(MaxConsecutiveConcealedFrames));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSequenceJump, 1, nameof(MaxSequenceJump));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxTimestampJump, TimeSpan.Zero, nameof(MaxTimestampJump));
        ArgumentOutOfRangeException.ThrowIfLessThan(FastShrinkWindow, TimeSpan.Zero, nameof(FastShrinkWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FastShrinkWindow, TimeSpan.FromSeconds(60), nameof(FastShrinkWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(FastShrinkMargin, TimeSpan.Zero, nameof(FastShrinkMargin));

        // 20 ms packets must fit the largest delay with one frame to spare, or the buffer could never reach its target.
        if (Capacity * 20 < MaximumDelay.TotalMilliseconds + 20)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "Capacity must hold MaximumDelay of 20 ms packets plus one.");
        }
    }
}
