namespace VanYen.Media.Server.Testing;

/// <summary>
/// Real time plus an offset that only grows (<see cref="Advance"/>). Its timers are due at a time on this clock, so
/// moving it forward fires the timers it overtook at once — a scheduler waiting for 06:00 wakes when a test jumps there.
/// </summary>
public sealed class AdjustableTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly Lock _gate = new();
    private readonly HashSet<AdjustableTimer> _timers = [];
    private TimeSpan _offset;

    public AdjustableTimeProvider(TimeProvider inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>How far ahead of real time this clock is.</summary>
    public TimeSpan Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <summary>Moves the clock forward and re-arms every timer for what is left of its wait (firing those now due).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        AdjustableTimer[] timers;
        lock (_gate)
        {
            _offset += by;
            timers = [.. _timers];
        }

        foreach (AdjustableTimer timer in timers)
        {
            timer.Rearm();
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new AdjustableTimer(this, _inner, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    internal void Forget(AdjustableTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }
}
