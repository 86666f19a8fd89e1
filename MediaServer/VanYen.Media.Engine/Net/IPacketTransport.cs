using System.Net;

namespace VanYen.Media.Engine.Net;

/// <summary>
/// Where a media layer sends datagrams: a <see cref="UdpMediaSocket"/>, or an
/// <see cref="InMemoryPacketTransport"/> that runs the same path without sockets.
/// </summary>
public interface IPacketTransport
{
    /// <summary>The local address and port datagrams are sent from and received on.</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>The transport's counters; higher layers add their own drops (e.g. <see cref="MediaSocketCounters.AddDroppedUnknownPeer"/>).</summary>
    MediaSocketCounters Counters { get; }

    /// <summary>
    /// Sends one datagram to <paramref name="remote"/> without blocking and without allocating.
    /// Returns false, and counts a send error, when it could not be sent (e.g. the send buffer is full):
    /// real-time media is dropped rather than delayed.
    /// </summary>
    bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remote);
}
