namespace VanYen.Media.Engine.Audio.Clock;

/// <summary>
/// The deadline arithmetic of a <see cref="MediaClock"/>: tick n is due at <c>start + n × period</c>, computed
/// from the start and never from the previous tick, so timer and sleep errors do not accumulate into drift.
/// When the loop wakes late it runs the missed ticks back to back (catch-up) unless it fell more than
/// <see cref="MaxCatchUpTicks"/> behind, in which case the older ticks are skipped and counted.
/// </summary>
/// <remarks>Pure arithmetic on timestamps (any unit, e.g. <see cref="System.Diagnostics.Stopwatch"/> ticks); not thread-safe.</remarks>
public sealed class MediaClockSchedule
{
    private readonly long _start;
    private readonly long _period;
    private long _nextTick;
    private long _lateTicks;
    private long _skippedTicks;

    /// <summary>Creates a schedule whose tick 0 is due at <paramref name="startTimestamp"/>.</summary>
    /// <param name="startTimestamp">When tick 0 is due.</param>
    /// <param name="periodTicks">Timestamp units between ticks (e.g. 20 ms in Stopwatch ticks).</param>
    /// <param name="maxCatchUpTicks">How many overdue ticks are still run back to back; older ones are skipped.</param>
    public MediaClockSchedule(long startTimestamp, long periodTicks, int maxCatchUpTicks = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(periodTicks, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCatchUpTicks);
        _start = startTimestamp;
        _period = periodTicks;
        MaxCatchUpTicks = maxCatchUpTicks;
    }

    /// <summary>How many overdue ticks are run back to back before older ones are skipped.</summary>
    public int MaxCatchUpTicks { get; }

    /// <summary>The index of the next tick to run.</summary>
    public long NextTick => _nextTick;

    /// <summary>When the next tick is due.</summary>
    public long NextDeadline => _start + (_nextTick * _period);

    /// <summary>Ticks that ran at least one whole period after their deadline.</summary>
    public long LateTicks => _lateTicks;

    /// <summary>Ticks that were never run because the loop fell too far behind.</summary>
    public long SkippedTicks => _skippedTicks;

    /// <summary>
    /// At <paramref name="now"/>: true with the index of the tick to run now (the schedule advances), or false
    /// with how long to wait until the next deadline.
    /// </summary>
    public bool TryTakeDueTick(long now, out long tick, out long waitTicks)
    {
        long deadline = NextDeadline;
        if (now < deadline)
        {
            tick = -1;
            waitTicks = deadline - now;
            return false;
        }

        long periodsBehind = (now - deadline) / _period;
        if (periodsBehind > MaxCatchUpTicks)
        {
            // Running every missed tick would only burst stale audio; resume at the tick due now.
            _skippedTicks += periodsBehind;
            _nextTick += periodsBehind;
        }
        else if (periodsBehind > 0)
        {
            _lateTicks++;
        }

        tick = _nextTick++;
        waitTicks = 0;
        return true;
    }
}
