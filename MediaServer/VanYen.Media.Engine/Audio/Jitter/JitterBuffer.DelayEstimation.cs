namespace VanYen.Media.Engine.Audio.Jitter;

public sealed partial class JitterBuffer
{
    /// <summary>Transit history: 2 s of 20 ms packets.</summary>
    private const int TransitHistoryLength = 100;

    /// <summary>The target moves 1/500 of the way down per packet once calm: a time constant of about 10 s, so a jittery path is not re-learnt through late packets every few seconds.</summary>
    private const double ShrinkDivisor = 500;

    private readonly double[] _transits;
    private readonly double[] _transitsSorted;
    private int _transitCount;
    private int _transitIndex;
    private double _previousTransitMilliseconds;
    private double _interarrivalJitterMilliseconds;
    private double _targetMilliseconds;

    /// <summary>
    /// Feeds one packet's transit time (arrival minus RTP timestamp, an unknown constant offset
    /// aside) into the interarrival jitter and the target delay.
    /// </summary>
    private void UpdateDelayEstimate(long extendedTimestamp, long arrivalTimestamp)
    {
        double arrivalMilliseconds = arrivalTimestamp * 1000.0 / _options.TimestampFrequency;
        double transit = arrivalMilliseconds - (extendedTimestamp / (double)SamplesPerMillisecond);

        // RFC 3550 §6.4.1 / A.8: J += (|D| - J) / 16.
        if (_transitCount > 0)
        {
            double difference = Math.Abs(transit - _previousTransitMilliseconds);
            _interarrivalJitterMilliseconds += (difference - _interarrivalJitterMilliseconds) / 16;
        }

        _previousTransitMilliseconds = transit;
        _transits[_transitIndex] = transit;
        _transitIndex = (_transitIndex + 1) % TransitHistoryLength;
        if (_transitCount < TransitHistoryLength)
        {
            _transitCount++;
        }

        ReadOnlySpan<double> history = _transits.AsSpan(0, _transitCount);
        double fastest = history[0];
        foreach (double value in history)
        {
            fastest = Math.Min(fastest, value);
        }

        // The relative delay of this packet against the fastest recent one is what the buffer must absorb.
        double frameMilliseconds = FrameSamples / (double)SamplesPerMillisecond;
        double minimum = _options.MinimumDelay.TotalMilliseconds;
        double maximum = _options.MaximumDelay.TotalMilliseconds;
        double needed = transit - fastest + frameMilliseconds;
        if (needed > _targetMilliseconds)
        {
            // Grow at once on a spike: waiting would make the next late packets unplayable too.
            _targetMilliseconds = Math.Min(maximum, needed);
            OnPlayoutTrouble();
            return;
        }

        Span<double> sorted = _transitsSorted.AsSpan(0, _transitCount);
        history.CopyTo(sorted);
        sorted.Sort();
        double percentile95 = sorted[(int)(0.95 * (_transitCount - 1))] - fastest;
        double desired = Math.Clamp(percentile95 + frameMilliseconds, minimum, maximum);
        if (desired < _targetMilliseconds)
        {
            _targetMilliseconds = Math.Max(minimum, _targetMilliseconds - ((_targetMilliseconds - desired) / ShrinkDivisor));
        }
    }

    private void ResetDelayEstimate()
    {
        _transitCount = 0;
        _transitIndex = 0;
    }
}
