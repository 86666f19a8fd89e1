namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>Which end of the DTLS handshake this server takes after negotiation (RFC 5763 §5).</summary>
public enum SdpDtlsRole
{
    /// <summary>We wait for the ClientHello (we answered or were answered a=setup:passive on our side).</summary>
    Server,

    /// <summary>We send the ClientHello (our side is a=setup:active).</summary>
    Client,
}
