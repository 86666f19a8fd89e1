using System.Net;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Benchmarks.Delivery;

/// <summary>A transport that counts what it is asked to send and sends nothing: the fan-out cost without the kernel's.</summary>
public sealed class CountingPacketTransport : IPacketTransport, IDisposable
{
    private long _sent;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5004);

    /// <inheritdoc/>
    public MediaSocketCounters Counters { get; } = new("bench-counting");

    /// <summary>Datagrams handed to <see cref="TrySend"/>.</summary>
    public long Sent => _sent;

    /// <inheritdoc/>
    public bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        _sent++;
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => Counters.Dispose();
}
