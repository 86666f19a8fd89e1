using VanYen.Media.Engine.Rtcp;

namespace VanYen.Media.Engine.Rtp;

/// <summary>
/// Reception statistics for one incoming SSRC (RFC 3550 Appendix A): sequence validation and
/// probation (A.1), cumulative and per-interval loss (A.3), interarrival jitter (A.8), and the last SR
/// received, all turned into the report block we send back. One thread at a time; no allocation per packet.
/// </summary>
public sealed class RtpReceiverStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int MinSequential = 2;
    private const int SequenceModulo = 1 << 16;

    /// <summary>The unwrapper starts one cycle up (see <see cref="SequenceNumberUnwrapper"/>).</summary>
    private const long UnwrapperOrigin = SequenceModulo;

    private readonly TimeProvider _timeProvider;
    private readonly double _rtpUnitsPerTimestampTick;
    private SequenceNumberUnwrapper _unwrapper;
    private bool _started;
    private int _probation;
    private ushort _maxSequence;
    private int _badSequence;
    private long _baseExtended;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private bool _hasTransit;
    private long _lastArrival;
    private uint _lastRtpTimestamp;
    private double _jitter;
    private bool _hasSenderReport;
    private uint _lastSenderReportCompact;
    private long _lastSenderReportArrival;

    /// <summary>Creates statistics for <paramref name="ssrc"/>, whose RTP clock runs at <paramref name="clockRate"/> Hz.</summary>
    public RtpReceiverStatistics(uint ssrc, int clockRate, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Ssrc = ssrc;
        ClockRate = clockRate;
        _timeProvider = timeProvider;
        _rtpUnitsPerTimestampTick = clockRate / (double)timeProvider.TimestampFrequency;
    }

    /// <summary>The source these statistics describe.</summary>
    public uint Ssrc { get; }

    /// <summary>RTP clock rate of the source, in Hz.</summary>
    public int ClockRate { get; }

    /// <summary>True once <c>MIN_SEQUENTIAL</c> (2) packets in sequence have validated the source (RFC 3550 A.1).</summary>
    public bool IsValid => _started && _probation == 0;

    /// <summary>Packets accepted since the source was validated (duplicates included, as in RFC 3550 A.3).</summary>
    public long PacketsReceived => _received;

    /// <summary>Packets expected: extended highest minus base sequence number plus one (RFC 3550 A.3).</summary>
    public long PacketsExpected => IsValid ? _unwrapper.Highest - _baseExtended + 1 : 0;

    /// <summary>Packets lost since validation, unclamped; negative when duplicates outnumber losses.</summary>
    public long CumulativeLost => PacketsExpected - _received;

    /// <summary>Extended highest sequence number: cycles in the high 16 bits, highest number in the low 16.</summary>
    public uint ExtendedHighestSequenceNumber => IsValid ? (uint)(_unwrapper.Highest - UnwrapperOrigin) : 0;

    /// <summary>Interarrival jitter estimate in RTP timestamp units (RFC 3550 A.8).</summary>
    public double Jitter => _jitter;

    /// <summary>True once an SR from this source has been recorded.</summary>
    public bool HasSenderReport => _hasSenderReport;

    /// <summary>Records a packet arriving now (by the time provider). See <see cref="OnPacketReceived(ushort, uint, long)"/>.</summary>
    public bool OnPacketReceived(ushort sequenceNumber, uint rtpTimestamp) =>
        OnPacketReceived(sequenceNumber, rtpTimestamp, _timeProvider.GetTimestamp());

    /// <summary>
    /// Records a packet. Returns false when RFC 3550 A.1 does not accept it: the source is still on
    /// probation, or the sequence number jumped too far (two consecutive such packets restart the count).
    /// </summary>
    /// <param name="sequenceNumber">The packet's RTP sequence number.</param>
    /// <param name="rtpTimestamp">The packet's RTP timestamp.</param>
    /// <param name="arrivalTimestamp">Arrival time from the time provider's <see cref="TimeProvider.GetTimestamp"/>.</param>
    public bool OnPacketReceived(ushort sequenceNumber, uint rtpTimestamp, long arrivalTimestamp)
    {
        if (!_started)
        {
            // RFC 3550 A.1: a new source starts on probation, as if the packet before this one was seen.
            _started = true;
            InitSequence(sequenceNumber);
            _maxSequence = (ushort)(sequenceNumber - 1);
            _probation = MinSequential;
        }

        if (!UpdateSequence(sequenceNumber))
        {
            return false;
        }

        UpdateJitter(rtpTimestamp, arrivalTimestamp);
        return true;
    }

    /// <summary>Records an SR from this source arriving now, for the LSR/DLSR of our next report.</summary>
    public void OnSenderReportReceived(NtpTimestamp ntpTimestamp) =>
        OnSenderReportReceived(ntpTimestamp, _timeProvider.GetTimestamp());

    /// <summary>Records an SR from this source, sent at <paramref name="ntpTimestamp"/> and arriving at <paramref name="arrivalTimestamp"/>.</summary>
    public void OnSenderReportReceived(NtpTimestamp ntpTimestamp, long arrivalTimestamp)
    {
        _hasSenderReport = true;
        _lastSenderReportCompact = ntpTimestamp.Compact;
        _lastSenderReportArrival = arrivalTimestamp;
    }

    /// <summary>Builds the report block for now (by the time provider). See <see cref="CreateReportBlock(long)"/>.</summary>
    public RtcpReportBlock CreateReportBlock() => CreateReportBlock(_timeProvider.GetTimestamp());

    /// <summary>
    /// Builds the report block for this source and starts a new loss interval: fraction lost covers the
    /// packets since the previous call (RFC 3550 A.3), DLSR the time since the last SR arrived.
    /// </summary>
    /// <param name="nowTimestamp">The time the report is sent, from <see cref="TimeProvider.GetTimestamp"/>.</param>
    public RtcpReportBlock CreateReportBlock(long nowTimestamp)
    {
        long expected = PacketsExpected;
        long expectedInterval = expected - _expectedPrior;
        long receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        long lostInterval = expectedInterval - receivedInterval;
        byte fractionLost = expectedInterval == 0 || lostInterval <= 0
            ? (byte)0
            : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);

        long lost = Math.Clamp(expected - _received, RtcpReportBlock.MinCumulativeLost, RtcpReportBlock.MaxCumulativeLost);
        uint lastSenderReport = 0;
        uint delay = 0;
        if (_hasSenderReport)
        {
            lastSenderReport = _lastSenderReportCompact;
            delay = NtpTimestamp.DurationToCompact(_timeProvider.GetElapsedTime(_lastSenderReportArrival, nowTimestamp));
        }

        return new RtcpReportBlock(Ssrc, fractionLost, (int)lost, ExtendedHighestSequenceNumber, (uint)_jitter, lastSenderReport, delay);
    }

    private void InitSequence(ushort sequenceNumber)
    {
        _unwrapper.Reset();
        _baseExtended = _unwrapper.Unwrap(sequenceNumber);
        _maxSequence = sequenceNumber;
        _badSequence = SequenceModulo + 1;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
        _hasTransit = false;
    }

    /// <summary>RFC 3550 A.1 update_seq, with the wrap counting done by <see cref="SequenceNumberUnwrapper"/>.</summary>
    private bool UpdateSequence(ushort sequenceNumber)
    {
        int delta = (ushort)(sequenceNumber - _maxSequence);
        if (_probation > 0)
        {
            if (sequenceNumber == (ushort)(_maxSequence + 1))
            {
                _probation--;
                _maxSequence = sequenceNumber;
                if (_probation == 0)
                {
                    InitSequence(sequenceNumber);
                    _received++;
                    return true;
                }
            }
            else
            {
                _probation = MinSequential - 1;
                _maxSequence = sequenceNumber;
            }

            return false;
        }

        if (delta < MaxDropout)
        {
            // In order, with a permissible gap.
            _maxSequence = sequenceNumber;
            _unwrapper.Unwrap(sequenceNumber);
        }
        else if (delta <= SequenceModulo - MaxMisorder)
        {
            if (sequenceNumber != _badSequence)
            {
                // A very large jump: wait for a second, consecutive packet before believing it.
                _badSequence = (sequenceNumber + 1) & (SequenceModulo - 1);
                return false;
            }

            // Two sequential packets after a jump: the sender restarted without telling us.
            InitSequence(sequenceNumber);
        }

        // Otherwise a duplicate or reordered packet: counted, but the highest stays.
        _received++;
        return true;
    }

    /// <summary>RFC 3550 A.8: J += (|D| - J) / 16, D the change in transit time between consecutive arrivals.</summary>
    private void UpdateJitter(uint rtpTimestamp, long arrivalTimestamp)
    {
        if (_hasTransit)
        {
            double arrivalDelta = (arrivalTimestamp - _lastArrival) * _rtpUnitsPerTimestampTick;
            int timestampDelta = (int)(rtpTimestamp - _lastRtpTimestamp);
            double transitDelta = Math.Abs(arrivalDelta - timestampDelta);
            _jitter += (transitDelta - _jitter) / 16;
        }

        _hasTransit = true;
        _lastArrival = arrivalTimestamp;
        _lastRtpTimestamp = rtpTimestamp;
    }
}
