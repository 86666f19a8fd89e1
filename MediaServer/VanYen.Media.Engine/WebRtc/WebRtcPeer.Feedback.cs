using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.WebRtc;

// RTCP feedback we send (RFC 4585, RFC 5104, REMB) as SRTCP, and what the browser's reports say about our streams
// (per-stream report blocks, round-trip time from LSR/DLSR, RFC 3550 §6.4.1).
public sealed partial class WebRtcPeer
{
    private const int FeedbackBufferLength = 512;

    /// <summary>Most lost sequence numbers one NACK we send names (the rest wait for the next).</summary>
    public const int MaxNackSequenceNumbers = 64;

    private readonly byte[] _feedbackBuffer = new byte[FeedbackBufferLength];
    private readonly RemoteReport[] _remoteReports = new RemoteReport[MaxSendStreams];
    private int _remoteReportCount;
    private long _roundTripTicks = -1;
    private byte _firSequenceNumber;
    private long _feedbackSent;

    /// <summary>RTCP feedback packets (PLI, FIR, NACK, REMB) sent.</summary>
    public long FeedbackPacketsSent => Interlocked.Read(ref _feedbackSent);

    /// <summary>The round-trip time from the browser's latest report block with an LSR (RFC 3550 §6.4.1), or null.</summary>
    public TimeSpan? RoundTripTime
    {
        get
        {
            long ticks = Interlocked.Read(ref _roundTripTicks);
            return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
        }
    }

    /// <summary>Asks the sender of <paramref name="mediaSsrc"/> for a key frame with a PLI (RFC 4585 §6.3.1).</summary>
    public bool SendPictureLossIndication(uint mediaSsrc)
    {
        lock (_sendLock)
        {
            int length = RtcpPictureLossIndication.Write(_feedbackBuffer, LocalSsrc, mediaSsrc);
            return SendFeedback(length);
        }
    }

    /// <summary>Asks the sender of <paramref name="mediaSsrc"/> for a key frame with a FIR (RFC 5104 §4.3.1), a new request number each time.</summary>
    public bool SendFullIntraRequest(uint mediaSsrc)
    {
        lock (_sendLock)
        {
            Span<RtcpFirEntry> entries = [new RtcpFirEntry(mediaSsrc, _firSequenceNumber++)];
            int length = RtcpFullIntraRequest.Write(_feedbackBuffer, LocalSsrc, entries);
            return SendFeedback(length);
        }
    }

    /// <summary>
    /// Asks the sender of <paramref name="mediaSsrc"/> to resend <paramref name="lostSequenceNumbers"/> (ascending,
    /// at most <see cref="MaxNackSequenceNumbers"/>) with a Generic NACK (RFC 4585 §6.2.1).
    /// </summary>
    public bool SendGenericNack(uint mediaSsrc, ReadOnlySpan<ushort> lostSequenceNumbers)
    {
        if (lostSequenceNumbers.IsEmpty || lostSequenceNumbers.Length > MaxNackSequenceNumbers)
        {
            return false;
        }

        lock (_sendLock)
        {
            int length = RtcpGenericNack.Write(_feedbackBuffer, LocalSsrc, mediaSsrc, lostSequenceNumbers);
            return SendFeedback(length);
        }
    }

    /// <summary>Tells the sender of <paramref name="ssrcs"/> the most it should send, in bits per second (REMB).</summary>
    public bool SendReceiverEstimatedMaxBitrate(ulong bitrate, ReadOnlySpan<uint> ssrcs)
    {
        lock (_sendLock)
        {
            int length = RtcpReceiverEstimatedMaxBitrate.Write(_feedbackBuffer, LocalSsrc, bitrate, ssrcs);
            return SendFeedback(length);
        }
    }

    /// <summary>The browser's last report block about <paramref name="ssrc"/>, one of the streams we send.</summary>
    public bool TryGetRemoteReport(uint ssrc, out RtcpReportBlock report)
    {
        lock (_receiveLock)
        {
            for (int i = 0; i < _remoteReportCount; i++)
            {
                if (_remoteReports[i].Ssrc == ssrc)
                {
                    report = _remoteReports[i].Block;
                    return true;
                }
            }
        }

        report = default;
        return false;
    }

    /// <summary>
    /// Reception statistics of the browser's stream <paramref name="ssrc"/> (RFC 3550 A.3, A.8): packets expected
    /// and received since it was validated, interarrival jitter in seconds. False for an unknown or unvalidated SSRC.
    /// </summary>
    public bool TryGetReceiveStatistics(uint ssrc, out long packetsExpected, out long packetsReceived, out double jitterSeconds)
    {
        lock (_receiveLock)
        {
            if (FindReceiveStream(ssrc) is { Statistics.IsValid: true } stream)
            {
                packetsExpected = stream.Statistics.PacketsExpected;
                packetsReceived = stream.Statistics.PacketsReceived;
                jitterSeconds = stream.Statistics.Jitter / stream.Statistics.ClockRate;
                return true;
            }
        }

        packetsExpected = 0;
        packetsReceived = 0;
        jitterSeconds = 0;
        return false;
    }

    // Under the send lock, with the packet in _feedbackBuffer. Reduced-size RTCP (RFC 5506): the browser offers
    // a=rtcp-rsize, so a feedback packet goes alone, without an SR/RR in front.
    private bool SendFeedback(int rtcpLength)
    {
        SrtpContext? outbound = _outbound;
        if (outbound is null || rtcpLength + outbound.RtcpOverhead > FeedbackBufferLength
            || !TryGetDestination(out IPacketTransport? transport)
            || !outbound.TryProtectRtcpInPlace(_feedbackBuffer, rtcpLength, out int length))
        {
            return false;
        }

        Interlocked.Increment(ref _feedbackSent);
        return transport.TrySend(_feedbackBuffer.AsSpan(0, length), _destination!);
    }

    // Under the receive lock.
    private void RecordRemoteReportOfStream(RtcpReportBlock block)
    {
        int index = 0;
        while (index < _remoteReportCount && _remoteReports[index].Ssrc != block.Ssrc)
        {
            index++;
        }

        if (index == _remoteReportCount)
        {
            if (_remoteReportCount == _remoteReports.Length)
            {
                return;
            }

            _remoteReportCount++;
        }

        _remoteReports[index] = new RemoteReport(block.Ssrc, block);
        if (block.TryGetRoundTripTime(NtpTimestamp.Now(_options.TimeProvider), out TimeSpan roundTrip))
        {
            Interlocked.Exchange(ref _roundTripTicks, roundTrip.Ticks);
        }
    }

    private readonly record struct RemoteReport(uint Ssrc, RtcpReportBlock Block);
}
