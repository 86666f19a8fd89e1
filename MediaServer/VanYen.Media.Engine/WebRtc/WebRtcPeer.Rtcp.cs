using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.WebRtc;

// Periodic RTCP (RFC 3550 §6): SR for what we send or RR for what we receive, with SDES CNAME, as SRTCP.
public sealed partial class WebRtcPeer
{
    private const int RtcpBufferLength = 1024;

    private readonly RtcpReportBlock[] _reportBlocks = new RtcpReportBlock[MaxReceiveStreams];
    private readonly byte[] _rtcpBuffer = new byte[RtcpBufferLength];
    private long _rtcpSent;

    /// <summary>SRTCP compound reports sent.</summary>
    public long RtcpPacketsSent => Interlocked.Read(ref _rtcpSent);

    /// <summary>
    /// Sends one compound report now: an SR per stream we send (the first carrying the report blocks) or an RR when
    /// we send nothing, then SDES CNAME (RFC 3550 §6.1). Does nothing before DTLS completed. Called by the endpoint's
    /// timer about once a second.
    /// </summary>
    public bool SendReports()
    {
        int blockCount = 0;
        long now = _options.TimeProvider.GetTimestamp();
        lock (_receiveLock)
        {
            for (int i = 0; i < _receiveStreamCount; i++)
            {
                if (_receiveStreams[i].Statistics.IsValid)
                {
                    _reportBlocks[blockCount++] = _receiveStreams[i].Statistics.CreateReportBlock(now);
                }
            }
        }

        lock (_sendLock)
        {
            SrtpContext? outbound = _outbound;
            if (outbound is null || !TryGetDestination(out IPacketTransport? transport))
            {
                return false;
            }

            Span<byte> buffer = _rtcpBuffer.AsSpan(0, RtcpBufferLength - outbound.RtcpOverhead);
            ReadOnlySpan<RtcpReportBlock> blocks = _reportBlocks.AsSpan(0, blockCount);
            int offset = 0;
            uint reporter = LocalSsrc;
            if (_sendStreamCount == 0)
            {
                offset += RtcpReceiverReport.Write(buffer, reporter, blocks);
            }
            else
            {
                NtpTimestamp wallClock = NtpTimestamp.Now(_options.TimeProvider);
                for (int i = 0; i < _sendStreamCount; i++)
                {
                    SenderStream stream = _sendStreams[i];
                    // RFC 3550 §6.4.1: the RTP timestamp corresponds to the NTP time, extrapolated from the last packet.
                    TimeSpan sinceLast = _options.TimeProvider.GetElapsedTime(stream.LastSendTimestamp, now);
                    uint rtpTimestamp = stream.LastRtpTimestamp + (uint)(sinceLast.Ticks * stream.ClockRate / TimeSpan.TicksPerSecond);
                    offset += RtcpSenderReport.Write(buffer.Slice(offset), stream.Ssrc, wallClock, rtpTimestamp, stream.Packets, stream.Octets, i == 0 ? blocks : default);
                }

                reporter = _sendStreams[0].Ssrc;
            }

            offset += RtcpSourceDescription.WriteCname(buffer.Slice(offset), reporter, _options.CName.AsSpan());
            if (!outbound.TryProtectRtcpInPlace(_rtcpBuffer, offset, out int length))
            {
                return false;
            }

            Interlocked.Increment(ref _rtcpSent);
            return transport.TrySend(_rtcpBuffer.AsSpan(0, length), _destination!);
        }
    }
}
