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
    private int _spareFrames;

    // After a fast shrink, until the delay grows again: late packets or concealment then mean the frame dropped was
    // needed after all, and every later try waits twice as long (up to MaxBackoff windows, until the stream
    // restarts), so a link that cannot hold the least delay does not swing between the two.
    private const int MaxBackoff = 32;
    private bool _shrinkOnProbation;
    private int _backoff = 1;

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
            OnPlayoutTrouble();
            return;
        }

        if (_lastPlayedArrival == arrivalBefore)
        {
            // The rest of a packet longer than 20 ms: its wait was noted when it started.
            return;
        }

        double wait = (popTimestamp - _lastPlayedArrival) * 1000.0 / _options.TimestampFrequency;
        _leastWaitMilliseconds = Math.Min(_leastWaitMilliseconds, wait);
        if (++_waitedPops < _fastShrinkPops * _backoff)
        {
            return;
        }

        // Every packet of the window, the latest included, would still have been in time that many frames earlier,
        // with the margin and the interarrival jitter (RFC 3550 §6.4.1) to spare. They go one per pop.
        double frameMilliseconds = FrameSamples / (double)SamplesPerMillisecond;
        double spare = _leastWaitMilliseconds - _fastShrinkMarginMilliseconds - _interarrivalJitterMilliseconds;
        _spareFrames = (int)Math.Max(0, Math.Floor(spare / frameMilliseconds));

        RestartWaitWindow();
    }

    /// <summary>A late packet, a concealed frame or a jump of the target: restart the window, and back off if a shrink caused it.</summary>
    private void OnPlayoutTrouble()
    {
        if (_shrinkOnProbation)
        {
            _shrinkOnProbation = false;
            _backoff = Math.Min(MaxBackoff, _backoff * 2);
        }

        _spareFrames = 0;
        RestartWaitWindow();
    }

    /// <summary>True (once per spare frame) when the waits showed spare frames; the caller skips a packet and lowers the target.</summary>
    private bool TakeFastShrink()
    {
        if (_spareFrames == 0)
        {
            return false;
        }

        _spareFrames--;
        return true;
    }

    /// <summary>The stream restarted: a new sender gets the short window again.</summary>
    private void ResetFastShrink()
    {
        _backoff = 1;
        _shrinkOnProbation = false;
        _spareFrames = 0;
        RestartWaitWindow();
    }

    private void RestartWaitWindow()
    {
        _waitedPops = 0;
        _leastWaitMilliseconds = double.MaxValue;
    }
}
