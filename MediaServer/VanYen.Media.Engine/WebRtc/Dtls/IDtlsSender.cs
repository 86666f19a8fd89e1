namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// Sends one DTLS datagram to the peer. The ICE layer implements it and decides the address (the selected or
/// most recently validated pair); DTLS only produces the bytes.
/// </summary>
/// <remarks>
/// Called from handshake workers, from the thread pool (retransmissions and alerts after the handshake) and
/// from <see cref="DtlsTransport.Dispose"/> (close_notify). It must not block for long and should not throw:
/// a datagram that cannot be sent is treated as lost (a <see cref="System.Net.Sockets.SocketException"/> is
/// swallowed and counted; anything else fails the handshake).
/// </remarks>
public interface IDtlsSender
{
    /// <summary>Sends <paramref name="datagram"/> (at most <see cref="DtlsTransportOptions.MaxSendDatagramLength"/> bytes) as one UDP datagram.</summary>
    void Send(ReadOnlySpan<byte> datagram);
}
