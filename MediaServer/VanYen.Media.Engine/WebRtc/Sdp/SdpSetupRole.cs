namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>The a=setup attribute (RFC 4145 §4, used for DTLS by RFC 5763 §5).</summary>
public enum SdpSetupRole
{
    /// <summary>actpass: either role (what an offer says).</summary>
    ActPass,

    /// <summary>active: this side opens the connection, i.e. is the DTLS client.</summary>
    Active,

    /// <summary>passive: this side waits, i.e. is the DTLS server.</summary>
    Passive,

    /// <summary>holdconn: no connection for now.</summary>
    HoldConn,
}
