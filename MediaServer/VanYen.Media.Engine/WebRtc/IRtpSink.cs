using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.WebRtc;

/// <summary>Where a <see cref="WebRtcPeer"/> delivers the RTP packets it received and unprotected (a room, a mixer input...).</summary>
public interface IRtpSink
{
    /// <summary>
    /// One authenticated, decrypted, parsed RTP packet, on the socket's receive thread. The packet's bytes are
    /// valid only during the call (copy what must be kept); the work must be quick and must not allocate.
    /// </summary>
    void OnRtp(WebRtcPeer peer, in RtpPacket packet);
}
