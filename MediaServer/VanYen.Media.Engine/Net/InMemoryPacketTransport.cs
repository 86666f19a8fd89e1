using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VanYen.Media.Engine.Net;

/// <summary>
/// One end of a pair of transports joined in memory: <see cref="TrySend"/> copies the datagram into
/// a pooled buffer of the other end and runs that end's receive path (count, classify, handler)
/// synchronously on the caller's thread. Lets benchmarks and tests run the whole media path without sockets.
/// </summary>
/// <remarks>
/// A handler that answers through <see cref="ReceivedDatagram.Transport"/> runs the peer's handler
/// nested inside its own call, as deep as the exchange goes. Not meant for concurrent senders on one end.
/// </remarks>
public sealed class InMemoryPacketTransport : IBatchPacketTransport, IDisposable
{
    private readonly PacketBufferPool _pool;
    private readonly MediaSocketCounters _counters;
    private readonly SocketAddress _localAddress;
    private DatagramDispatcher? _dispatcher;
    private InMemoryPacketTransport? _peer;

    private InMemoryPacketTransport(IPEndPoint localEndPoint, string name, PacketBufferPool pool)
    {
        LocalEndPoint = localEndPoint;
        _localAddress = localEndPoint.Serialize();
        _pool = pool;
        _counters = new MediaSocketCounters(name);
    }

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>This end's address, as the peer's handler sees it in <see cref="ReceivedDatagram.Remote"/>; pass it to the peer's <see cref="TrySend"/>.</summary>
    public SocketAddress LocalAddress => _localAddress;

    /// <inheritdoc/>
    public MediaSocketCounters Counters => _counters;

    /// <summary>The pool this end receives into.</summary>
    public PacketBufferPool Pool => _pool;

    /// <summary>The other end.</summary>
    public InMemoryPacketTransport Peer => _peer!;

    /// <summary>
    /// Creates two joined ends, at 127.0.0.1:10001 ("first") and 127.0.0.1:10002 ("second"),
    /// each receiving into its own pool of <paramref name="packetBufferCount"/> buffers.
    /// </summary>
    public static (InMemoryPacketTransport First, InMemoryPacketTransport Second) CreatePair(
        IDatagramHandler firstHandler,
        IDatagramHandler secondHandler,
        int packetBufferCount = 64,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(firstHandler);
        ArgumentNullException.ThrowIfNull(secondHandler);
        logger ??= NullLogger.Instance;
        var first = new InMemoryPacketTransport(new IPEndPoint(IPAddress.Loopback, 10001), "memory-first", new PacketBufferPool(packetBufferCount));
        var second = new InMemoryPacketTransport(new IPEndPoint(IPAddress.Loopback, 10002), "memory-second", new PacketBufferPool(packetBufferCount));
        first._peer = second;
        second._peer = first;
        first._dispatcher = new DatagramDispatcher(firstHandler, first, first._counters, logger);
        second._dispatcher = new DatagramDispatcher(secondHandler, second, second._counters, logger);
        return (first, second);
    }

    /// <inheritdoc/>
    /// <remarks>Fails (counted) when <paramref name="remote"/> is not the peer's address, the datagram is not shorter than a packet buffer, or the peer's pool is empty.</remarks>
    public bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        InMemoryPacketTransport peer = _peer!;
        if (!remote.Equals(peer._localAddress))
        {
            _counters.AddSendError();
            return false;
        }

        _counters.AddSent(datagram.Length);
        peer.Receive(datagram, _localAddress);
        return true;
    }

    /// <inheritdoc/>
    /// <remarks>Each datagram goes through <see cref="TrySend"/>, so each is delivered (or fails) on its own, in order.</remarks>
    public int SendBatch(PacketSendBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int sentCount = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            if (TrySend(batch.GetDatagram(i), batch.GetRemote(i)))
            {
                batch.MarkSent(i);
                sentCount++;
            }
        }

        return sentCount;
    }

    /// <summary>Stops publishing this end's counters.</summary>
    public void Dispose() => _counters.Dispose();

    private void Receive(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        if (datagram.Length >= _pool.SlotSize)
        {
            _counters.AddReceived(datagram.Length);
            _counters.AddDroppedOversize();
            return;
        }

        if (!_pool.TryRent(out PacketBuffer buffer))
        {
            _counters.AddReceived(datagram.Length);
            _counters.AddDroppedPoolExhausted();
            return;
        }

        // A socket would copy from the kernel here; this is the same single copy.
        datagram.CopyTo(buffer.Span);
        _dispatcher!.Dispatch(buffer, datagram.Length, remote);
    }
}
