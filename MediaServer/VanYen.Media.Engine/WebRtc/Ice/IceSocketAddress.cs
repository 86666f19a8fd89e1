using System.Net;
using System.Net.Sockets;

namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>
/// Copies of <see cref="SocketAddress"/>. The receive loop reuses one instance for every datagram, so the agent
/// keeps only its own copies, which nothing mutates once they are published (they are dictionary keys).
/// </summary>
internal static class IceSocketAddress
{
    private static readonly IPEndPoint _ipv4Template = new(IPAddress.Any, 0);
    private static readonly IPEndPoint _ipv6Template = new(IPAddress.IPv6Any, 0);

    /// <summary>A new instance with the same family, size and bytes (allocates; only for a new address).</summary>
    public static SocketAddress Copy(SocketAddress source)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span.Slice(0, source.Size).CopyTo(copy.Buffer.Span);
        return copy;
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>; false if its buffer is too small.</summary>
    public static bool TryCopyTo(SocketAddress source, SocketAddress destination)
    {
        if (destination.Buffer.Length < source.Size)
        {
            return false;
        }

        source.Buffer.Span.Slice(0, source.Size).CopyTo(destination.Buffer.Span);
        destination.Size = source.Size;
        return true;
    }

    /// <summary>The address as an <see cref="IPEndPoint"/> (allocates), or null for a family that is not IP.</summary>
    public static IPEndPoint? ToEndPoint(SocketAddress? address) => address?.Family switch
    {
        AddressFamily.InterNetwork => (IPEndPoint)_ipv4Template.Create(address),
        AddressFamily.InterNetworkV6 => (IPEndPoint)_ipv6Template.Create(address),
        _ => null,
    };
}
