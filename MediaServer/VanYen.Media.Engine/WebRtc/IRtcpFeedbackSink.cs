using VanYen.Media.Engine.Rtcp;

namespace VanYen.Media.Engine.WebRtc;

/// <summary>
/// RTCP feedback a peer sent about the media we send it (RFC 4585, RFC 5104, REMB), for the SFU to act on:
/// called on the receive thread, packet by packet, without allocation.
/// </summary>
public interface IRtcpFeedbackSink
{
    /// <summary>A Picture Loss Indication for <paramref name="mediaSsrc"/> (RFC 4585 §6.3.1).</summary>
    void OnPictureLossIndication(WebRtcPeer peer, uint mediaSsrc);

    /// <summary>A Full Intra Request for <paramref name="mediaSsrc"/> (RFC 5104 §4.3.1).</summary>
    void OnFullIntraRequest(WebRtcPeer peer, uint mediaSsrc);

    /// <summary>A Generic NACK (RFC 4585 §6.2.1); enumerate <see cref="RtcpGenericNack.LostSequenceNumbers"/>.</summary>
    void OnGenericNack(WebRtcPeer peer, in RtcpGenericNack nack);

    /// <summary>The receiver's estimated maximum bitrate (draft-alvestrand-rmcat-remb), bits per second.</summary>
    void OnReceiverEstimatedMaxBitrate(WebRtcPeer peer, ulong bitrate);
}
