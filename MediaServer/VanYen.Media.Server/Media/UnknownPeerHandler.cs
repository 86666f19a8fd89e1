using VanYen.Media.Engine.Net;

namespace VanYen.Media.Server.Media;

/// <summary>Drops every datagram as coming from an unknown peer, counting it on its socket.</summary>
public sealed class UnknownPeerHandler : IDatagramHandler
{
    public static UnknownPeerHandler Instance { get; } = new();

    public void OnDatagram(ReceivedDatagram datagram)
    {
        if (datagram.Transport is UdpMediaSocket socket)
        {
            socket.Counters.AddDroppedUnknownPeer();
        }
    }
}
