using System.Net;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Benchmarks.Delivery;

/// <summary>A transport that counts what it is asked to send and sends nothing: the fan-out cost without the kernel's.</summary>
public sealed class CountingPacketTransport : IBatchPacketTransport, IDisposable
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
    public int SendBatch(PacketSendBatch batch)
    {
        for (int i = 0; i < batch.Count; i++)
        {
            batch.MarkSent(i);
        }

        _sent += batch.Count;
        return batch.Count;
    }

    /// <inheritdoc/>
    public void Dispose() => Counters.Dispose();
}
