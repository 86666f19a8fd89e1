namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>Why a <see cref="DtlsTransport"/> ended (handshake failure or closure of an established association).</summary>
public enum DtlsCloseReason
{
    /// <summary>Still running.</summary>
    None,

    /// <summary>No completed handshake within <see cref="DtlsTransportOptions.HandshakeTimeout"/>.</summary>
    HandshakeTimeout,

    /// <summary>
    /// The peer's certificate does not hash to the fingerprint its SDP announced (RFC 8122 §5): possibly a
    /// man in the middle.
    /// </summary>
    FingerprintMismatch,

    /// <summary>The peer sent no certificate; WebRTC authenticates both sides (RFC 5763 §5).</summary>
    PeerCertificateMissing,

    /// <summary>The peer did not offer (or did not select) an SRTP protection profile we accept (RFC 5764 §4.1.1).</summary>
    NoCommonSrtpProfile,

    /// <summary>The peer sent a fatal alert (for example because it rejected our fingerprint).</summary>
    AlertReceived,

    /// <summary>The peer closed the association with close_notify (RFC 5246 §7.2.1).</summary>
    PeerClosed,

    /// <summary>Any other handshake or record error (bad message, no common cipher suite, no extended master secret...).</summary>
    ProtocolError,

    /// <summary>The caller cancelled <see cref="DtlsTransport.StartAsync"/>.</summary>
    Cancelled,

    /// <summary>We disposed the transport.</summary>
    Disposed,
}
