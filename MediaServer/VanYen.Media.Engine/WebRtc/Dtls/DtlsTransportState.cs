namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>Where a <see cref="DtlsTransport"/> is in its life.</summary>
public enum DtlsTransportState
{
    /// <summary>Created; <see cref="DtlsTransport.StartAsync"/> not called yet (datagrams are queued meanwhile).</summary>
    New,

    /// <summary>The handshake is queued on, or running in, the <see cref="DtlsHandshakePool"/>.</summary>
    Handshaking,

    /// <summary>The handshake completed; SRTP keys are in <see cref="DtlsTransport.HandshakeResult"/>.</summary>
    Connected,

    /// <summary>Closed after a successful handshake (close_notify, fatal alert or <see cref="DtlsTransport.Dispose"/>).</summary>
    Closed,

    /// <summary>The handshake did not complete; <see cref="DtlsTransport.CloseReason"/> says why.</summary>
    Failed,
}
