using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.WebRtc;

// The send path: protect from the caller's bytes into this peer's buffer under a lock, send to the selected address.
public sealed partial class WebRtcPeer
{
    private const int MaxSendStreams = 4;

    private readonly SenderStream[] _sendStreams;
    private int _sendStreamCount;
    private long _packetsSent;

    /// <summary>RTP packets protected and handed to the socket.</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>
    /// Protects one RTP packet (our SSRC, sequence number and timestamp already written) and sends it to the
    /// ICE-selected address. False, sending nothing, before DTLS completed, after close, or for a malformed packet.
    /// Any thread; allocates nothing in steady state.
    /// </summary>
    public bool SendRtp(ReadOnlySpan<byte> rtp)
    {
        lock (_sendLock)
        {
            SrtpContext? outbound = _outbound;
            if (outbound is null || !TryGetDestination(out IPacketTransport? transport)
                || !outbound.TryProtectRtp(rtp, _sendBuffer, out int length))
            {
                return false;
            }

            RecordSent(rtp);
            return Send(transport, length);
        }
    }

    /// <summary>
    /// Forwards another peer's RTP packet (SFU): copies it once into this peer's buffer, rewrites SSRC, sequence
    /// number, timestamp, payload type and marker, maps header extension ids through <paramref name="extensionIdMap"/>
    /// (indexed by the source id; 0 or out of range erases the element), protects in place and sends.
    /// </summary>
    public bool ForwardRtp(ReadOnlySpan<byte> sourcePacket, uint ssrc, ushort sequenceNumber, uint timestamp, byte payloadType, bool marker, ReadOnlySpan<byte> extensionIdMap)
    {
        lock (_sendLock)
        {
            SrtpContext? outbound = _outbound;
            if (outbound is null || sourcePacket.Length + outbound.RtpOverhead > _sendBuffer.Length
                || !TryGetDestination(out IPacketTransport? transport))
            {
                return false;
            }

            Span<byte> packet = _sendBuffer.AsSpan(0, sourcePacket.Length);
            sourcePacket.CopyTo(packet);
            if (!RtpPacket.TryParse(packet, out _))
            {
                return false;
            }

            RtpHeaderRewriter.Rewrite(packet, ssrc, sequenceNumber, timestamp, payloadType, marker);
            if (!RtpHeaderRewriter.TryRemapExtensionIds(packet, extensionIdMap)
                || !outbound.TryProtectRtpInPlace(_sendBuffer, sourcePacket.Length, out int length))
            {
                return false;
            }

            RecordSent(packet);
            return Send(transport, length);
        }
    }

    // Under the send lock. The address is copied only when ICE selected another one (an exact-size copy, so
    // transports that compare addresses whole see the same bytes); the steady state allocates nothing.
    private bool TryGetDestination(out IPacketTransport transport)
    {
        transport = _endpoint.Transport!;
        if (_destinationChanged || _destination is null)
        {
            _destinationChanged = false;
            _destination = IceSession.SelectedAddress;
        }

        return transport is not null && _destination is not null;
    }

    private bool Send(IPacketTransport transport, int length)
    {
        Interlocked.Increment(ref _packetsSent);
        return transport.TrySend(_sendBuffer.AsSpan(0, length), _destination!);
    }

    private void RecordSent(ReadOnlySpan<byte> rtp)
    {
        uint ssrc = SrtpPacketHeader.ReadRtpSsrc(rtp);
        SenderStream? stream = null;
        for (int i = 0; i < _sendStreamCount; i++)
        {
            if (_sendStreams[i].Ssrc == ssrc)
            {
                stream = _sendStreams[i];
                break;
            }
        }

        if (stream is null)
        {
            if (_sendStreamCount == MaxSendStreams)
            {
                return;
            }

            // Allocates once per new outgoing SSRC.
            stream = new SenderStream(ssrc);
            _sendStreams[_sendStreamCount++] = stream;
        }

        SrtpPacketHeader.TryGetRtpHeaderLength(rtp, out int headerLength);
        stream.Packets++;
        stream.Octets += (uint)(rtp.Length - headerLength);
        stream.LastRtpTimestamp = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(rtp.Slice(4));
        stream.LastSendTimestamp = _options.TimeProvider.GetTimestamp();
    }

    private bool IsOurSendSsrc(uint ssrc)
    {
        // Read without the send lock: a torn view only misfiles one report block.
        int count = Volatile.Read(ref _sendStreamCount);
        for (int i = 0; i < count; i++)
        {
            if (_sendStreams[i].Ssrc == ssrc)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class SenderStream(uint ssrc)
    {
        public uint Ssrc { get; } = ssrc;

        public uint Packets { get; set; }

        public uint Octets { get; set; }

        public uint LastRtpTimestamp { get; set; }

        public long LastSendTimestamp { get; set; }
    }
}
