using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Forwarding;

/// <summary>
/// One participant's own audio or video as the server receives it: its SSRC, how to read each payload type, the
/// packet cache that answers NACKs (video), and the throttles of what goes back to the browser (key frame requests,
/// REMB).
/// </summary>
internal sealed class PublishedStream
{
    private const int PayloadTypeCount = 128;

    private readonly VideoCodecKind[] _codecByPayloadType = new VideoCodecKind[PayloadTypeCount];
    private readonly Lock _feedbackLock = new();
    private readonly TimeProvider _time;
    private uint _ssrc;
    private bool _keyFrameRequested;
    private long _lastKeyFrameRequest;
    private bool _bandwidthSent;
    private ulong _lastBandwidth;
    private long _lastBandwidthTimestamp;

    public PublishedStream(NegotiatedMedia? media, bool isVideo, ForwardingOptions options)
    {
        IsVideo = isVideo;
        Media = media is { Accepted: true } ? media : null;
        _time = options.TimeProvider;
        if (Media is null)
        {
            return;
        }

        if (Media.RemoteSsrcs.Count > 0)
        {
            _ssrc = Media.RemoteSsrcs[0];
        }

        foreach (NegotiatedCodec codec in Media.Codecs)
        {
            if (codec.PayloadType is >= 0 and < PayloadTypeCount)
            {
                _codecByPayloadType[codec.PayloadType] = codec.IsCodec("VP8") ? VideoCodecKind.Vp8 : codec.IsCodec("H264") ? VideoCodecKind.H264 : VideoCodecKind.None;
            }
        }

        // RFC 5104 §4.3.1.2: FIR only when the browser did not negotiate PLI but did negotiate FIR.
        if (Media.PreferredCodec is { } preferred)
        {
            UsesFullIntraRequest = !preferred.HasFeedback(SdpRtcpFeedbackType.NackPli) && preferred.HasFeedback(SdpRtcpFeedbackType.CcmFir);
        }

        if (isVideo)
        {
            Cache = new RtpPacketCache(options.PacketCacheSize, options.MaxCachedPacketLength);
        }
    }

    /// <summary>True for the camera, false for the microphone.</summary>
    public bool IsVideo { get; }

    /// <summary>The negotiated own-media m-line (mid 0 or 1), or null when rejected.</summary>
    public NegotiatedMedia? Media { get; }

    /// <summary>The packets that answer NACKs (video only).</summary>
    public RtpPacketCache? Cache { get; }

    /// <summary>True when key frames are asked for with FIR rather than PLI.</summary>
    public bool UsesFullIntraRequest { get; }

    /// <summary>The SSRC the browser sends this stream with (from the SDP, then from the packets).</summary>
    public uint Ssrc
    {
        get => Volatile.Read(ref _ssrc);
        set => Volatile.Write(ref _ssrc, value);
    }

    /// <summary>How packets of <paramref name="payloadType"/> are read for key frames.</summary>
    public VideoCodecKind CodecOf(int payloadType) => _codecByPayloadType[payloadType & 0x7F];

    /// <summary>Sends a PLI (or FIR) to <paramref name="publisher"/> unless one went less than <paramref name="interval"/> ago.</summary>
    public bool TryRequestKeyFrame(WebRtcPeer publisher, TimeSpan interval)
    {
        uint ssrc = Ssrc;
        if (ssrc == 0 || !publisher.IsConnected)
        {
            return false;
        }

        lock (_feedbackLock)
        {
            long now = _time.GetTimestamp();
            if (_keyFrameRequested && _time.GetElapsedTime(_lastKeyFrameRequest, now) < interval)
            {
                return false;
            }

            _keyFrameRequested = true;
            _lastKeyFrameRequest = now;
        }

        return UsesFullIntraRequest ? publisher.SendFullIntraRequest(ssrc) : publisher.SendPictureLossIndication(ssrc);
    }

    /// <summary>
    /// Sends <paramref name="bitrate"/> as a REMB to <paramref name="publisher"/> for this stream, at most once per
    /// <paramref name="interval"/> unless it fell by a quarter or more (the sender must slow down at once).
    /// </summary>
    public bool TrySendBandwidthEstimate(WebRtcPeer publisher, ulong bitrate, TimeSpan interval)
    {
        uint ssrc = Ssrc;
        if (ssrc == 0 || !publisher.IsConnected)
        {
            return false;
        }

        lock (_feedbackLock)
        {
            long now = _time.GetTimestamp();
            bool dropped = bitrate < _lastBandwidth - (_lastBandwidth / 4);
            if (_bandwidthSent && !dropped && _time.GetElapsedTime(_lastBandwidthTimestamp, now) < interval)
            {
                return false;
            }

            _bandwidthSent = true;
            _lastBandwidth = bitrate;
            _lastBandwidthTimestamp = now;
        }

        Span<uint> ssrcs = [ssrc];
        return publisher.SendReceiverEstimatedMaxBitrate(bitrate, ssrcs);
    }
}
