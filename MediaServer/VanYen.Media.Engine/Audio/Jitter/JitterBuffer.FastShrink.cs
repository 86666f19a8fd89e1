namespace VanYen.Media.Engine.Audio.Jitter;

// The fast shrink (JitterBufferOptions.FastShrinkWindow): the waits of the packets played, measured against the pop
// times the caller gives, show when a whole frame of the delay is spare.
public sealed partial class JitterBuffer
{
    /// <summary>Passed as the pop time by the overloads without one: no wait is measured.</summary>
    private const long NoPopTime = long.MinValue;

    private readonly int _fastShrinkPops;
    private readonly double _fastShrinkMarginMilliseconds;
    private int _waitedPops;
    private double _leastWaitMilliseconds = double.MaxValue;
    private bool _fastShrinkDue;

    /// <summary>Notes how long the packet this pop played waited; after a whole window of long waits a shrink is due.</summary>
    private void NoteWait(JitterFrameKind kind, long arrivalBefore, long popTimestamp)
    {
        if (_fastShrinkPops == 0 || popTimestamp == NoPopTime)
        {
            return;
        }

        if (kind != JitterFrameKind.Decoded)
        {
            // A concealed, rebuilt or silent frame: the link is not clean now.
            RestartWaitWindow();
            return;
        }

        if (_lastPlayedArrival == arrivalBefore)
        {
            // The rest of a packet longer than 20 ms: its wait was noted when it started.
            return;
        }

        double wait = (popTimestamp - _lastPlayedArrival) * 1000.0 / _options.TimestampFrequency;
        _leastWaitMilliseconds = Math.Min(_leastWaitMilliseconds, wait);
        if (++_waitedPops < _fastShrinkPops)
        {
            return;
        }

        // Every packet of the window, the latest included, would still have been in time one frame earlier, with the
        // margin and the interarrival jitter (RFC 3550 §6.4.1) to spare.
        double frameMilliseconds = FrameSamples / (double)SamplesPerMillisecond;
        if (_leastWaitMilliseconds >= frameMilliseconds + _fastShrinkMarginMilliseconds + _interarrivalJitterMilliseconds)
        {
            _fastShrinkDue = true;
        }

        RestartWaitWindow();
    }

    /// <summary>True (once) when the waits showed a spare frame; the caller skips a packet and lowers the target.</summary>
    private bool TakeFastShrink()
    {
        bool due = _fastShrinkDue;
        _fastShrinkDue = false;
        return due;
    }

    private void RestartWaitWindow()
    {
        _waitedPops = 0;
        _leastWaitMilliseconds = double.MaxValue;
    }
}
