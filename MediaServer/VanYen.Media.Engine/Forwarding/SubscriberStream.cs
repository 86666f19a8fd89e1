using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Forwarding;

/// <summary>
/// One m-line a subscriber receives on (a slot's audio or video): the server's SSRC (and RTX SSRC) announced in the
/// answer, and a sequence number and timestamp line of its own that continues across publisher changes. Each source
/// packet is rewritten into that line (SSRC, sequence number, timestamp, payload type mapped between the two
/// negotiations, header extension ids) and sent; NACKed numbers map back to the source's to be answered from its
/// cache. One lock per stream; no allocation per packet.
/// </summary>
internal sealed class SubscriberStream
{
    private const int PayloadTypeCount = 128;
    private const int ExtensionIdCount = 256;
    private const byte Unmapped = 0xFF;

    private readonly Lock _lock = new();
    private readonly byte[] _payloadTypeMap = new byte[PayloadTypeCount];
    private readonly byte[] _rtxPayloadTypeMap = new byte[PayloadTypeCount];
    private readonly byte[] _extensionIdMap = new byte[ExtensionIdCount];
    private readonly TimeProvider _time;
    private ForwardingParticipant? _source;
    private bool _started;
    private uint _sourceSsrc;
    private ushort _sequenceDelta;
    private uint _timestampDelta;
    private ushort _lastSequenceNumber = (ushort)Random.Shared.Next();
    private uint _lastTimestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);
    private long _lastForwardTimestamp;
    private ushort _rtxSequenceNumber = (ushort)Random.Shared.Next();

    public SubscriberStream(ForwardingParticipant subscriber, string mid, bool isVideo, uint ssrc, uint rtxSsrc, TimeProvider time)
    {
        Subscriber = subscriber;
        Mid = mid;
        IsVideo = isVideo;
        Ssrc = ssrc;
        RtxSsrc = rtxSsrc;
        ClockRate = isVideo ? 90000 : 48000;
        _time = time;
        Array.Fill(_payloadTypeMap, Unmapped);
        Array.Fill(_rtxPayloadTypeMap, Unmapped);
    }

    /// <summary>Who receives this stream.</summary>
    public ForwardingParticipant Subscriber { get; }

    /// <summary>The subscriber's m-line.</summary>
    public string Mid { get; }

    /// <summary>True for a slot's video.</summary>
    public bool IsVideo { get; }

    /// <summary>The server's SSRC on this m-line.</summary>
    public uint Ssrc { get; }

    /// <summary>The server's RTX SSRC (0 for audio).</summary>
    public uint RtxSsrc { get; }

    /// <summary>The RTP clock rate (48 kHz Opus, 90 kHz video).</summary>
    public int ClockRate { get; }

    /// <summary>The participant shown on this stream, or null.</summary>
    public ForwardingParticipant? Source
    {
        get
        {
            lock (_lock)
            {
                return _source;
            }
        }
    }

    /// <summary>
    /// Shows <paramref name="source"/> (or nobody) from now on: maps its payload types and extension ids to the
    /// subscriber's, and makes the next packet restart the line (after a key frame for video). Not on the hot path.
    /// </summary>
    public void SetSource(ForwardingParticipant? source)
    {
        lock (_lock)
        {
            Array.Fill(_payloadTypeMap, Unmapped);
            Array.Fill(_rtxPayloadTypeMap, Unmapped);
            Array.Clear(_extensionIdMap);
            _source = source;
            _started = false;
            NegotiatedMedia? own = Subscriber.Negotiated.FindMedia(Mid);
            NegotiatedMedia? sourceMedia = (IsVideo ? source?.Video : source?.Audio)?.Media;
            if (own is not { Accepted: true } || sourceMedia is null)
            {
                return;
            }

            foreach (NegotiatedCodec codec in sourceMedia.Codecs)
            {
                if (PayloadTypeMapping.FindCounterpart(codec, own) is { } target && codec.PayloadType is >= 0 and < PayloadTypeCount)
                {
                    _payloadTypeMap[codec.PayloadType] = (byte)target.PayloadType;
                    if (target.RtxPayloadType is { } rtx && RtxSsrc != 0)
                    {
                        _rtxPayloadTypeMap[codec.PayloadType] = (byte)rtx;
                    }
                }
            }

            // Only extensions that mean the same to every receiver pass: the audio level (RFC 6464) and the send
            // time REMB estimates from. mid, transport-wide numbers and the like describe the publisher's own
            // transport and are erased (a publisher's mid would misroute the packet in the subscriber's BUNDLE).
            MapExtension(sourceMedia, own, SdpHeaderExtensionUris.AbsoluteSendTime);
            if (!IsVideo)
            {
                MapExtension(sourceMedia, own, SdpHeaderExtensionUris.AudioLevel);
            }
        }
    }

    /// <summary>Rewrites and sends one of the source's packets. Hot path: no allocation.</summary>
    public ForwardResult Forward(in RtpPacket packet, VideoCodecKind codec)
    {
        WebRtcPeer peer = Subscriber.Peer;
        if (!peer.IsConnected)
        {
            return ForwardResult.NotRouted;
        }

        lock (_lock)
        {
            if (_source is null)
            {
                return ForwardResult.NotRouted;
            }

            byte payloadType = _payloadTypeMap[packet.PayloadType];
            if (payloadType == Unmapped)
            {
                return ForwardResult.UnmappedPayloadType;
            }

            bool marker = packet.Marker;
            long now = _time.GetTimestamp();
            if (!_started || packet.Ssrc != _sourceSsrc)
            {
                if (IsVideo && !KeyFrameDetector.IsKeyFrameStart(codec, packet.Payload))
                {
                    return ForwardResult.WaitingForKeyFrame;
                }

                Restart(in packet, now);

                // Audio: the start of a talkspurt (RFC 3551 §4.1) makes the receiver's jitter buffer resynchronize.
                marker |= !IsVideo;
            }

            ushort sequenceNumber = (ushort)(packet.SequenceNumber + _sequenceDelta);
            uint timestamp = packet.Timestamp + _timestampDelta;
            if ((short)(sequenceNumber - _lastSequenceNumber) > 0)
            {
                _lastSequenceNumber = sequenceNumber;
                _lastTimestamp = timestamp;
                _lastForwardTimestamp = now;
            }

            if (IsVideo && Subscriber.TryTakeVideoDrop())
            {
                return ForwardResult.FaultInjected;
            }

            return peer.ForwardRtp(packet.Packet, Ssrc, sequenceNumber, timestamp, payloadType, marker, _extensionIdMap)
                ? ForwardResult.Forwarded
                : ForwardResult.SendFailed;
        }
    }

    /// <summary>
    /// Answers a NACK for our <paramref name="sequenceNumber"/>: the source's packet from <paramref name="cache"/>,
    /// rewritten as it was first sent, as RTX (RFC 4588) when the subscriber negotiated it, else as the same packet.
    /// </summary>
    public bool Resend(ushort sequenceNumber, RtpPacketCache? cache)
    {
        if (cache is null)
        {
            return false;
        }

        lock (_lock)
        {
            if (!_started || _source is null)
            {
                return false;
            }

            ushort sourceSequenceNumber = (ushort)(sequenceNumber - _sequenceDelta);
            lock (cache.SyncRoot)
            {
                if (!cache.TryGet(_sourceSsrc, sourceSequenceNumber, out ReadOnlySpan<byte> cached)
                    || !RtpPacket.TryParse(cached, out RtpPacket packet))
                {
                    return false;
                }

                byte payloadType = _payloadTypeMap[packet.PayloadType];
                if (payloadType == Unmapped)
                {
                    return false;
                }

                uint timestamp = packet.Timestamp + _timestampDelta;
                byte rtxPayloadType = _rtxPayloadTypeMap[packet.PayloadType];
                WebRtcPeer peer = Subscriber.Peer;
                return rtxPayloadType != Unmapped
                    ? peer.ForwardRtx(cached, RtxSsrc, _rtxSequenceNumber++, sequenceNumber, timestamp, rtxPayloadType, packet.Marker, _extensionIdMap)
                    : peer.ForwardRtp(cached, Ssrc, sequenceNumber, timestamp, payloadType, packet.Marker, _extensionIdMap);
            }
        }
    }

    /// <summary>Maps a subscriber's sequence number back to the source's (for tests and diagnostics).</summary>
    public bool TryMapToSource(ushort sequenceNumber, out uint sourceSsrc, out ushort sourceSequenceNumber)
    {
        lock (_lock)
        {
            sourceSsrc = _sourceSsrc;
            sourceSequenceNumber = (ushort)(sequenceNumber - _sequenceDelta);
            return _started;
        }
    }

    // Under the lock: continue our own line one packet (and the time since the last packet) after its end.
    private void Restart(in RtpPacket packet, long now)
    {
        long gapUnits = 1;
        if (_lastForwardTimestamp != 0)
        {
            gapUnits = Math.Max(1, (long)(_time.GetElapsedTime(_lastForwardTimestamp, now).TotalSeconds * ClockRate));
        }

        _sequenceDelta = (ushort)(_lastSequenceNumber + 1 - packet.SequenceNumber);
        _timestampDelta = (uint)(_lastTimestamp + gapUnits - packet.Timestamp);
        _sourceSsrc = packet.Ssrc;
        _started = true;
    }

    private void MapExtension(NegotiatedMedia source, NegotiatedMedia own, string uri)
    {
        if (source.FindExtensionId(uri) is { } from && own.FindExtensionId(uri) is { } to && from is > 0 and < ExtensionIdCount)
        {
            _extensionIdMap[from] = (byte)to;
        }
    }
}
