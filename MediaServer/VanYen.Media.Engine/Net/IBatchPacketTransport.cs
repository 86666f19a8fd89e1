namespace VanYen.Media.Engine.Net;

/// <summary>
/// A transport that can send many datagrams at once: one <c>sendmmsg(2)</c> system call per batch on Linux
/// (<see cref="UdpMediaSocket"/>) instead of one <c>sendto(2)</c> per datagram. Fan-out senders (thousands of
/// devices getting the same tick) fill a <see cref="PacketSendBatch"/> and hand it over when it is full.
/// </summary>
public interface IBatchPacketTransport : IPacketTransport
{
    /// <summary>
    /// Sends every datagram of <paramref name="batch"/>, in order, without blocking and without allocating; records
    /// each outcome (<see cref="PacketSendBatch.WasSent"/>) and counts sent datagrams and send errors like
    /// <see cref="IPacketTransport.TrySend"/> does. One failed datagram does not stop the others.
    /// The batch is left filled: read the outcomes, then <see cref="PacketSendBatch.Clear"/> it.
    /// </summary>
    /// <returns>How many datagrams were sent.</returns>
    int SendBatch(PacketSendBatch batch);
}
