using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Forwarding;

/// <summary>
/// One browser in a call: what it publishes (its own audio and video), what it sees (one slot per other participant)
/// and its counters. It is its peer's RTP and RTCP feedback sink, handing both to the room with itself as the sender.
/// </summary>
internal sealed class ForwardingParticipant : IRtpSink, IRtcpFeedbackSink
{
    private const byte KindAudio = 1;
    private const byte KindVideo = 2;
    private const byte KindRetransmission = 3;

    private readonly ForwardingRoom _room;
    private readonly byte[] _kindByPayloadType = new byte[128];
    private int _videoDropsPending;
    private long _bytesIn;
    private long _packetsIn;
    private long _bytesOut;
    private long _packetsOut;
    private long _estimatedBitrate;

    public ForwardingParticipant(ForwardingRoom room, string id, string sessionId, WebRtcPeer peer, NegotiatedSession negotiated, IReadOnlyList<ForwardingSsrcs> slotSsrcs, ForwardingOptions options)
    {
        _room = room;
        Id = id;
        SessionId = sessionId;
        Peer = peer;
        Negotiated = negotiated;
        Audio = new PublishedStream(negotiated.FindMedia(ForwardingLayout.OwnAudioMid), isVideo: false, options);
        Video = new PublishedStream(negotiated.FindMedia(ForwardingLayout.OwnVideoMid), isVideo: true, options);
        MarkPayloadTypes(Audio.Media, KindAudio);
        MarkPayloadTypes(Video.Media, KindVideo);
        Slots = new SubscriberSlot[ForwardingLayout.SlotCount];
        for (int i = 0; i < Slots.Length; i++)
        {
            ForwardingSsrcs ssrcs = slotSsrcs[i];
            Slots[i] = new SubscriberSlot(
                i,
                new SubscriberStream(this, ForwardingLayout.SlotAudioMid(i), isVideo: false, ssrcs.Audio, 0, options.TimeProvider),
                new SubscriberStream(this, ForwardingLayout.SlotVideoMid(i), isVideo: true, ssrcs.Video, ssrcs.VideoRtx, options.TimeProvider));
        }

        Quality = new QualitySampler(options);
    }

    public string Id { get; }

    public string SessionId { get; }

    public WebRtcPeer Peer { get; }

    public NegotiatedSession Negotiated { get; }

    /// <summary>Its microphone, as received.</summary>
    public PublishedStream Audio { get; }

    /// <summary>Its camera, as received.</summary>
    public PublishedStream Video { get; }

    /// <summary>Its view of the others.</summary>
    public SubscriberSlot[] Slots { get; }

    /// <summary>The other participants' streams that show this one's audio (rebuilt under the room's lock).</summary>
    public SubscriberStream[] AudioViewers { get; set; } = [];

    /// <summary>The other participants' streams that show this one's video.</summary>
    public SubscriberStream[] VideoViewers { get; set; } = [];

    /// <summary>How many slots show someone's video (the subscriber's REMB is shared among them).</summary>
    public int VideoSourceCount { get; set; }

    /// <summary>The window state of <see cref="CallQuality"/>.</summary>
    public QualitySampler Quality { get; }

    public long BytesIn => Interlocked.Read(ref _bytesIn);

    public long PacketsIn => Interlocked.Read(ref _packetsIn);

    public long BytesOut => Interlocked.Read(ref _bytesOut);

    public long PacketsOut => Interlocked.Read(ref _packetsOut);

    /// <summary>The last REMB this participant's browser sent (bits per second), 0 before one.</summary>
    public ulong EstimatedBitrate
    {
        get => (ulong)Interlocked.Read(ref _estimatedBitrate);
        set => Interlocked.Exchange(ref _estimatedBitrate, (long)Math.Min(value, long.MaxValue));
    }

    /// <summary>True for an audio payload type of its own audio m-line.</summary>
    public bool IsAudioPayloadType(int payloadType) => _kindByPayloadType[payloadType & 0x7F] == KindAudio;

    /// <summary>True for a video payload type of its own video m-line.</summary>
    public bool IsVideoPayloadType(int payloadType) => _kindByPayloadType[payloadType & 0x7F] == KindVideo;

    /// <summary>True for an RTX payload type of its own video m-line (retransmissions, bandwidth probes).</summary>
    public bool IsRetransmissionPayloadType(int payloadType) => _kindByPayloadType[payloadType & 0x7F] == KindRetransmission;

    /// <summary>The slot stream with our <paramref name="ssrc"/> (media or RTX), or null.</summary>
    public SubscriberStream? FindStream(uint ssrc)
    {
        foreach (SubscriberSlot slot in Slots)
        {
            if (slot.Video.Ssrc == ssrc || slot.Video.RtxSsrc == ssrc)
            {
                return slot.Video;
            }

            if (slot.Audio.Ssrc == ssrc)
            {
                return slot.Audio;
            }
        }

        return null;
    }

    /// <summary>The first slot showing nobody, or −1.</summary>
    public int FindFreeSlot()
    {
        foreach (SubscriberSlot slot in Slots)
        {
            if (slot.Occupant is null)
            {
                return slot.Index;
            }
        }

        return -1;
    }

    /// <summary>Drops the next <paramref name="count"/> video packets forwarded to this participant.</summary>
    public void AddVideoDrops(int count) => Interlocked.Add(ref _videoDropsPending, count);

    /// <summary>Takes one pending video drop, if any.</summary>
    public bool TryTakeVideoDrop()
    {
        while (true)
        {
            int pending = Volatile.Read(ref _videoDropsPending);
            if (pending <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _videoDropsPending, pending - 1, pending) == pending)
            {
                return true;
            }
        }
    }

    public void CountIn(int bytes)
    {
        Interlocked.Add(ref _bytesIn, bytes);
        Interlocked.Increment(ref _packetsIn);
    }

    public void CountOut(int bytes)
    {
        Interlocked.Add(ref _bytesOut, bytes);
        Interlocked.Increment(ref _packetsOut);
    }

    /// <inheritdoc/>
    public void OnRtp(WebRtcPeer peer, in RtpPacket packet) => _room.OnRtp(this, in packet);

    /// <inheritdoc/>
    public void OnPictureLossIndication(WebRtcPeer peer, uint mediaSsrc) => _room.OnKeyFrameRequest(this, mediaSsrc);

    /// <inheritdoc/>
    public void OnFullIntraRequest(WebRtcPeer peer, uint mediaSsrc) => _room.OnKeyFrameRequest(this, mediaSsrc);

    /// <inheritdoc/>
    public void OnGenericNack(WebRtcPeer peer, in RtcpGenericNack nack) => _room.OnGenericNack(this, in nack);

    /// <inheritdoc/>
    public void OnReceiverEstimatedMaxBitrate(WebRtcPeer peer, ulong bitrate) => _room.OnBandwidthEstimate(this, bitrate);

    private void MarkPayloadTypes(NegotiatedMedia? media, byte kind)
    {
        if (media is null)
        {
            return;
        }

        foreach (NegotiatedCodec codec in media.Codecs)
        {
            _kindByPayloadType[codec.PayloadType & 0x7F] = kind;
            if (codec.RtxPayloadType is { } rtx)
            {
                _kindByPayloadType[rtx & 0x7F] = KindRetransmission;
            }
        }
    }
}
