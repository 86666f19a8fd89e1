namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>What this server wants to do on an m= section when answering.</summary>
/// <param name="Direction">
/// The most we would do (sendrecv = send and receive); the answer gives the part of it the offer allows
/// (RFC 3264 §6.1).
/// </param>
/// <param name="SendStream">What we send (msid, SSRCs), used when the answered direction sends.</param>
public sealed record SdpLocalMedia(SdpDirection Direction, SdpSendStream? SendStream = null)
{
    /// <summary>Receive only, nothing to send.</summary>
    public static SdpLocalMedia ReceiveOnly { get; } = new(SdpDirection.RecvOnly);
}
