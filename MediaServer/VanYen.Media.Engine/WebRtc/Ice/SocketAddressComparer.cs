using System.Net;
using System.Net.Sockets;

namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>
/// Compares socket addresses by the bytes that name the peer: the first <see cref="SocketAddress.Size"/> bytes,
/// without IPv6's flow label. <see cref="SocketAddress.Equals(SocketAddress)"/> also compares the spare
/// capacity of the buffer, so a receive loop's instance sized for IPv6 would never equal a stored IPv4 copy.
/// Hashes with <see cref="HashCode"/> (randomly seeded per process). Allocates nothing.
/// </summary>
internal sealed class SocketAddressComparer : IEqualityComparer<SocketAddress>
{
    // sockaddr_in6: family (2), port (2), flow info (4), address (16), scope id (4).
    private const int IPv6Size = 28;
    private const int FlowInfoOffset = 4;
    private const int FlowInfoLength = 4;

    public static SocketAddressComparer Instance { get; } = new();

    public bool Equals(SocketAddress? x, SocketAddress? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Size != y.Size)
        {
            return false;
        }

        ReadOnlySpan<byte> left = x.Buffer.Span.Slice(0, x.Size);
        ReadOnlySpan<byte> right = y.Buffer.Span.Slice(0, y.Size);
        if (HasFlowInfo(x))
        {
            return left.Slice(0, FlowInfoOffset).SequenceEqual(right.Slice(0, FlowInfoOffset))
                && left.Slice(FlowInfoOffset + FlowInfoLength).SequenceEqual(right.Slice(FlowInfoOffset + FlowInfoLength));
        }

        return left.SequenceEqual(right);
    }

    public int GetHashCode(SocketAddress obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ReadOnlySpan<byte> bytes = obj.Buffer.Span.Slice(0, obj.Size);
        var hash = default(HashCode);
        if (HasFlowInfo(obj))
        {
            hash.AddBytes(bytes.Slice(0, FlowInfoOffset));
            hash.AddBytes(bytes.Slice(FlowInfoOffset + FlowInfoLength));
        }
        else
        {
            hash.AddBytes(bytes);
        }

        return hash.ToHashCode();
    }

    // The flow label may differ between datagrams of one peer when the socket reports it (IPV6_FLOWINFO).
    private static bool HasFlowInfo(SocketAddress address) =>
        address.Size == IPv6Size && address.Family == AddressFamily.InterNetworkV6;
}
