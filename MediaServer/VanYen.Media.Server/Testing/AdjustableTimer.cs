namespace VanYen.Media.Server.Testing;

/// <summary>A timer of <see cref="AdjustableTimeProvider"/>: a real timer re-armed whenever the clock jumps.</summary>
internal sealed class AdjustableTimer : ITimer
{
    private readonly AdjustableTimeProvider _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private DateTimeOffset? _dueAt;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    public AdjustableTimer(AdjustableTimeProvider clock, TimeProvider inner, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        _timer = inner.CreateTimer(static self => ((AdjustableTimer)self!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            _period = period;
            _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
            return _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Waits what is left until the due time on the (moved) clock.</summary>
    public void Rearm()
    {
        lock (_gate)
        {
            if (_disposed || _dueAt is not { } due)
            {
                return;
            }

            TimeSpan left = due - _clock.GetUtcNow();
            _timer.Change(left < TimeSpan.Zero ? TimeSpan.Zero : left, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _dueAt = null;
        }

        _timer.Dispose();
        _clock.Forget(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_period == Timeout.InfiniteTimeSpan)
            {
                _dueAt = null;
            }
            else
            {
                _dueAt = _clock.GetUtcNow() + _period;
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }

        _callback(_state);
    }
}
