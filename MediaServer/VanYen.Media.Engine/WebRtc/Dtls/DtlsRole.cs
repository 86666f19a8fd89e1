namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>Which side of the DTLS handshake we play (RFC 5763 §5: the SDP <c>a=setup</c> attribute decides).</summary>
public enum DtlsRole
{
    /// <summary>We answered <c>a=setup:passive</c> (the normal case): the browser sends the ClientHello.</summary>
    Server,

    /// <summary>The browser's offer said <c>a=setup:passive</c>: we are active and send the ClientHello.</summary>
    Client,
}
