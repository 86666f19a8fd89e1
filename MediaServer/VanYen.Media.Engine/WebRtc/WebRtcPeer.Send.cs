using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc.Sdp;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.WebRtc;

// The send path: protect from the caller's bytes into this peer's buffer under a lock, send to the selected address.
public sealed partial class WebRtcPeer
{
    // An SFU subscriber receives up to 3 slots × (audio + video + video RTX) streams.
    private const int MaxSendStreams = 16;

    private const int RtxOriginalSequenceNumberLength = 2;

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

    /// <summary>
    /// Resends another peer's RTP packet as an RTX packet (RFC 4588 §4): the header rewritten with the RTX
    /// <paramref name="rtxSsrc"/>, <paramref name="rtxSequenceNumber"/> and <paramref name="rtxPayloadType"/>, then the
    /// original sequence number (OSN, the number the receiver knows the packet by) in the first two payload bytes,
    /// then the original payload (its padding left out). Extension ids are mapped as in <see cref="ForwardRtp"/>.
    /// </summary>
    public bool ForwardRtx(ReadOnlySpan<byte> sourcePacket, uint rtxSsrc, ushort rtxSequenceNumber, ushort originalSequenceNumber, uint timestamp, byte rtxPayloadType, bool marker, ReadOnlySpan<byte> extensionIdMap)
    {
        if (!RtpPacket.TryParse(sourcePacket, out RtpPacket source))
        {
            return false;
        }

        lock (_sendLock)
        {
            SrtpContext? outbound = _outbound;
            int rtxLength = source.HeaderLength + RtxOriginalSequenceNumberLength + source.Payload.Length;
            if (outbound is null || rtxLength + outbound.RtpOverhead > _sendBuffer.Length
                || !TryGetDestination(out IPacketTransport? transport))
            {
                return false;
            }

            Span<byte> packet = _sendBuffer.AsSpan(0, rtxLength);
            sourcePacket.Slice(0, source.HeaderLength).CopyTo(packet);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(packet.Slice(source.HeaderLength), originalSequenceNumber);
            source.Payload.CopyTo(packet.Slice(source.HeaderLength + RtxOriginalSequenceNumberLength));
            packet[0] &= 0xDF; // the padding bit: the padding was not copied
            RtpHeaderRewriter.Rewrite(packet, rtxSsrc, rtxSequenceNumber, timestamp, rtxPayloadType, marker);
            if (!RtpHeaderRewriter.TryRemapExtensionIds(packet, extensionIdMap)
                || !outbound.TryProtectRtpInPlace(_sendBuffer, rtxLength, out int length))
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
            stream = new SenderStream(ssrc, SendClockRateOf(ssrc));
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

    // Once per new outgoing SSRC: the clock rate of the m-line that announced it (video 90 kHz), else audio's.
    private int SendClockRateOf(uint ssrc)
    {
        foreach (NegotiatedMedia media in _negotiated.Media)
        {
            if (media.LocalStream is { } stream && (stream.Ssrc == ssrc || stream.RtxSsrc == ssrc) && media.PreferredCodec is { } codec)
            {
                return codec.ClockRate;
            }
        }

        return AudioClockRate;
    }

    private sealed class SenderStream(uint ssrc, int clockRate)
    {
        public uint Ssrc { get; } = ssrc;

        public int ClockRate { get; } = clockRate;

        public uint Packets { get; set; }

        public uint Octets { get; set; }

        public uint LastRtpTimestamp { get; set; }

        public long LastSendTimestamp { get; set; }
    }
}
