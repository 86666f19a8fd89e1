using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VanYen.Media.Engine.Audio.Clock;

/// <summary>
/// A 20 ms (by default) media clock on a dedicated thread: deadlines come from a <see cref="Stopwatch"/> and a
/// <see cref="MediaClockSchedule"/> (start + n × period, so it does not drift); the thread sleeps until about a
/// millisecond before each deadline, then spins. <see cref="System.Threading.Timer"/> is too coarse for this.
/// </summary>
/// <remarks>Handlers can be added and removed from any thread; they are called in registration order.</remarks>
public sealed partial class MediaClock : IDisposable
{
    /// <summary>The default period: one 20 ms audio frame.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMilliseconds(20);

    private readonly Lock _handlersLock = new();
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly ILogger _logger;
    private readonly long _periodTicks;
    private volatile IMediaClockHandler[] _handlers = [];
    private Thread? _thread;
    private MediaClockSchedule? _schedule;
    private long _ticks;
    private long _handlerErrors;

    /// <summary>Creates a stopped clock.</summary>
    public MediaClock(TimeSpan? period = null, ILogger<MediaClock>? logger = null)
    {
        TimeSpan value = period ?? DefaultPeriod;
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromMilliseconds(1));
        Period = value;
        _periodTicks = (long)(value.TotalSeconds * Stopwatch.Frequency);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The time between ticks.</summary>
    public TimeSpan Period { get; }

    /// <summary>Ticks run so far.</summary>
    public long TickCount => Interlocked.Read(ref _ticks);

    /// <summary>Ticks run at least one period late (the thread was descheduled).</summary>
    public long LateTicks => _schedule?.LateTicks ?? 0;

    /// <summary>Ticks skipped because the thread fell too far behind.</summary>
    public long SkippedTicks => _schedule?.SkippedTicks ?? 0;

    /// <summary>Exceptions thrown by handlers (caught, logged and counted).</summary>
    public long HandlerErrors => Interlocked.Read(ref _handlerErrors);

    /// <summary>True once <see cref="Start"/> ran and until <see cref="Dispose"/>.</summary>
    public bool IsRunning => _thread is not null && !_stop.IsSet;

    /// <summary>Starts the clock thread (once; later calls do nothing).</summary>
    public void Start()
    {
        lock (_handlersLock)
        {
            ObjectDisposedException.ThrowIf(_stop.IsSet, this);
            if (_thread is not null)
            {
                return;
            }

            _schedule = new MediaClockSchedule(Stopwatch.GetTimestamp() + _periodTicks, _periodTicks);
            _thread = new Thread(Run) { IsBackground = true, Name = "VanYen media clock", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }
    }

    /// <summary>Adds a handler, called from the next tick on.</summary>
    public void Add(IMediaClockHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_handlersLock)
        {
            _handlers = [.. _handlers, handler];
        }
    }

    /// <summary>Removes a handler; it may still be running its current tick when this returns.</summary>
    public bool Remove(IMediaClockHandler handler)
    {
        lock (_handlersLock)
        {
            int index = Array.IndexOf(_handlers, handler);
            if (index < 0)
            {
                return false;
            }

            var copy = new List<IMediaClockHandler>(_handlers);
            copy.RemoveAt(index);
            _handlers = [.. copy];
            return true;
        }
    }

    /// <summary>Stops the thread and waits for the tick in progress.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_handlersLock)
        {
            if (_stop.IsSet)
            {
                return;
            }

            _stop.Set();
            thread = _thread;
        }

        if (thread is not null && thread != Thread.CurrentThread)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        _stop.Dispose();
    }

    private void Run()
    {
        MediaClockSchedule schedule = _schedule!;

        // Spin only the last stretch before a deadline: 0.2 ms where the OS sleeps precisely, else 2 ms (a
        // millisecond sleep wakes up to ~1 ms late).
        long spinThreshold = PreciseSleep.IsAvailable ? Stopwatch.Frequency / 5000 : Stopwatch.Frequency / 500;
        while (!_stop.IsSet)
        {
            if (!schedule.TryTakeDueTick(Stopwatch.GetTimestamp(), out long tick, out long wait))
            {
                if (wait > spinThreshold && PreciseSleep.IsAvailable)
                {
                    // At most one period: Dispose is seen within 20 ms.
                    PreciseSleep.Sleep(wait - (spinThreshold / 2));
                }
                else if (wait > spinThreshold)
                {
                    // Sleep to about 1 ms before the deadline (the OS wakes us up to ~1 ms late), then spin.
                    int milliseconds = (int)((wait - (spinThreshold / 2)) * 1000 / Stopwatch.Frequency);
                    if (milliseconds > 0 && _stop.Wait(milliseconds))
                    {
                        return;
                    }
                }
                else
                {
                    Thread.SpinWait(20);
                }

                continue;
            }

            Interlocked.Increment(ref _ticks);
            foreach (IMediaClockHandler handler in _handlers)
            {
                try
                {
                    handler.OnTick(tick);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref _handlerErrors);
                    LogHandlerFailed(_logger, exception);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A media clock handler threw")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
