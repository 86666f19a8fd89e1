namespace VanYen.Media.Engine.Net;

/// <summary>
/// Receives every classified datagram of a transport, synchronously, on the transport's
/// receive loop (one thread at a time per transport).
/// </summary>
/// <remarks>
/// The handler must not keep <see cref="ReceivedDatagram.Data"/> or <see cref="ReceivedDatagram.Remote"/>
/// after it returns: the buffer goes back to the pool and the address object is overwritten by the
/// next receive. To keep the bytes (e.g. to queue a DTLS record for the handshake thread) call
/// <see cref="ReceivedDatagram.TakeBuffer"/>; to keep the address, copy it. Exceptions are caught,
/// logged and counted by the transport; they never stop the loop. Work here delays every later
/// datagram of the socket, so hand long work to another thread.
/// </remarks>
public interface IDatagramHandler
{
    /// <summary>Handles one datagram; see the remarks on lifetime.</summary>
    void OnDatagram(ReceivedDatagram datagram);
}
