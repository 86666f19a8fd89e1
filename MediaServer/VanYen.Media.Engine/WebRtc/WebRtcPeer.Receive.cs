using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc.Sdp;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.WebRtc;

// The receive path: SRTP/SRTCP unprotected in place on the socket's receive thread, then parsed and dispatched.
public sealed partial class WebRtcPeer
{
    private const int MaxReceiveStreams = 8;
    private const int AudioClockRate = 48000;

    private readonly ReceiveStream[] _receiveStreams;
    private int _receiveStreamCount;
    private long _packetsReceived;
    private long _rtcpReceived;
    private RtcpReportBlock _lastRemoteReport;

    /// <summary>RTP packets that authenticated and parsed.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>SRTCP packets that authenticated.</summary>
    public long RtcpPacketsReceived => Interlocked.Read(ref _rtcpReceived);

    /// <summary>The browser's last report block about a stream we send (fraction lost, jitter), or default.</summary>
    public RtcpReportBlock LastRemoteReport
    {
        get
        {
            lock (_receiveLock)
            {
                return _lastRemoteReport;
            }
        }
    }

    /// <summary>An SRTP datagram from one of the peer's validated addresses: unprotect in place, parse, dispatch.</summary>
    internal void OnSrtp(Span<byte> datagram)
    {
        RtpPacket packet;
        lock (_receiveLock)
        {
            SrtpContext? inbound = _inbound;
            if (inbound is null)
            {
                _endpoint.CountBeforeKeys();
                return;
            }

            SrtpUnprotectResult result = inbound.UnprotectRtp(datagram, out int length);
            if (result != SrtpUnprotectResult.Ok)
            {
                _endpoint.CountUnprotectFailure(this, result, isRtcp: false);
                return;
            }

            if (!RtpPacket.TryParse(datagram.Slice(0, length), out packet))
            {
                _endpoint.CountMalformedRtp();
                return;
            }

            FindOrAddReceiveStream(packet.Ssrc, packet.PayloadType)?.Statistics.OnPacketReceived(packet.SequenceNumber, packet.Timestamp);
        }

        Interlocked.Increment(ref _packetsReceived);
        _sink?.OnRtp(this, in packet);
    }

    /// <summary>An SRTCP datagram: unprotect in place, then read every packet of the compound.</summary>
    internal void OnSrtcp(Span<byte> datagram)
    {
        lock (_receiveLock)
        {
            SrtpContext? inbound = _inbound;
            if (inbound is null)
            {
                _endpoint.CountBeforeKeys();
                return;
            }

            SrtpUnprotectResult result = inbound.UnprotectRtcp(datagram, out int length);
            if (result != SrtpUnprotectResult.Ok)
            {
                _endpoint.CountUnprotectFailure(this, result, isRtcp: true);
                return;
            }

            Interlocked.Increment(ref _rtcpReceived);
            var reader = new RtcpCompoundReader(datagram.Slice(0, length));
            foreach (RtcpPacket packet in reader)
            {
                HandleRtcp(packet);
            }
        }
    }

    private void HandleRtcp(in RtcpPacket packet)
    {
        switch (packet.PacketType)
        {
            case RtcpPacketType.SenderReport when RtcpSenderReport.TryParse(packet, out RtcpSenderReport report):
                FindReceiveStream(report.SenderSsrc)?.Statistics.OnSenderReportReceived(report.NtpTimestamp);
                for (int i = 0; i < report.ReportBlockCount; i++)
                {
                    RecordRemoteReport(report.GetReportBlock(i));
                }

                break;
            case RtcpPacketType.ReceiverReport when RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport report):
                for (int i = 0; i < report.ReportBlockCount; i++)
                {
                    RecordRemoteReport(report.GetReportBlock(i));
                }

                break;
            case RtcpPacketType.PayloadSpecificFeedback:
                HandlePayloadSpecificFeedback(packet);
                break;
            case RtcpPacketType.TransportLayerFeedback when FeedbackSink is { } sink && RtcpGenericNack.TryParse(packet, out RtcpGenericNack nack):
                sink.OnGenericNack(this, in nack);
                break;
            default:
                // SDES, BYE, XR, transport-wide CC: nothing to do for them yet.
                break;
        }
    }

    private void HandlePayloadSpecificFeedback(in RtcpPacket packet)
    {
        if (FeedbackSink is not { } sink)
        {
            return;
        }

        if (RtcpPictureLossIndication.TryParse(packet, out RtcpPictureLossIndication pli))
        {
            sink.OnPictureLossIndication(this, pli.MediaSsrc);
        }
        else if (RtcpFullIntraRequest.TryParse(packet, out RtcpFullIntraRequest fir))
        {
            for (int i = 0; i < fir.EntryCount; i++)
            {
                sink.OnFullIntraRequest(this, fir.GetEntry(i).Ssrc);
            }
        }
        else if (RtcpReceiverEstimatedMaxBitrate.TryParse(packet, out RtcpReceiverEstimatedMaxBitrate remb))
        {
            sink.OnReceiverEstimatedMaxBitrate(this, remb.Bitrate);
        }
    }

    private void RecordRemoteReport(RtcpReportBlock block)
    {
        if (IsOurSendSsrc(block.Ssrc))
        {
            _lastRemoteReport = block;
            RecordRemoteReportOfStream(block);
        }
    }

    // Once per new incoming SSRC: the clock rate of the codec its payload type was negotiated for (video 90 kHz).
    private int ReceiveClockRateOf(int payloadType)
    {
        foreach (NegotiatedMedia media in _negotiated.Media)
        {
            if (media.Accepted && media.FindCodec(payloadType) is { } codec)
            {
                return codec.ClockRate;
            }
        }

        return AudioClockRate;
    }

    private ReceiveStream? FindReceiveStream(uint ssrc)
    {
        for (int i = 0; i < _receiveStreamCount; i++)
        {
            if (_receiveStreams[i].Ssrc == ssrc)
            {
                return _receiveStreams[i];
            }
        }

        return null;
    }

    private ReceiveStream? FindOrAddReceiveStream(uint ssrc, int payloadType)
    {
        ReceiveStream? stream = FindReceiveStream(ssrc);
        if (stream is not null || _receiveStreamCount == MaxReceiveStreams)
        {
            return stream;
        }

        // Allocates once per new SSRC, never per packet.
        stream = new ReceiveStream(ssrc, new RtpReceiverStatistics(ssrc, ReceiveClockRateOf(payloadType), _options.TimeProvider));
        _receiveStreams[_receiveStreamCount++] = stream;
        return stream;
    }

    private sealed record ReceiveStream(uint Ssrc, RtpReceiverStatistics Statistics);
}
