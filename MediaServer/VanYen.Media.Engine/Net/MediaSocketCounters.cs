namespace VanYen.Media.Engine.Net;

/// <summary>
/// Packet and byte counts of one media socket (or in-memory transport), named by a tag
/// such as "webrtc" or "rtp". Increments are single interlocked adds, nothing is allocated;
/// the values are published on the <see cref="MeterName"/> meter by observable counters
/// read at collection time, and are readable here for tests and health checks.
/// </summary>
public sealed class MediaSocketCounters : IDisposable
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> every media socket publishes on.</summary>
    public const string MeterName = "VanYen.Media.Net";

    private long _packetsReceived;
    private long _bytesReceived;
    private long _packetsSent;
    private long _bytesSent;
    private long _droppedMalformed;
    private long _droppedUnknownPeer;
    private long _droppedPoolExhausted;
    private long _droppedOversize;
    private long _handlerErrors;
    private long _receiveErrors;
    private long _sendErrors;
    private int _disposed;

    /// <summary>Creates counters published under the tag <c>socket=<paramref name="name"/></c>.</summary>
    public MediaSocketCounters(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        MediaSocketMetrics.Register(this);
    }

    /// <summary>The socket's name, the value of the <c>socket</c> tag.</summary>
    public string Name { get; }

    /// <summary>Datagrams read from the socket, whatever became of them.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>Bytes of the datagrams counted in <see cref="PacketsReceived"/>.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Datagrams handed to the operating system for sending.</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>Bytes of the datagrams counted in <see cref="PacketsSent"/>.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Datagrams dropped because they matched no multiplexed protocol (RFC 7983) or were too short.</summary>
    public long DroppedMalformed => Interlocked.Read(ref _droppedMalformed);

    /// <summary>Datagrams a higher layer dropped because their sender is not a known peer.</summary>
    public long DroppedUnknownPeer => Interlocked.Read(ref _droppedUnknownPeer);

    /// <summary>Datagrams dropped because the packet buffer pool had no free slot.</summary>
    public long DroppedPoolExhausted => Interlocked.Read(ref _droppedPoolExhausted);

    /// <summary>Datagrams dropped because they did not fit a packet buffer (with one byte to spare, to detect truncation).</summary>
    public long DroppedOversize => Interlocked.Read(ref _droppedOversize);

    /// <summary>Exceptions thrown by the datagram handler.</summary>
    public long HandlerErrors => Interlocked.Read(ref _handlerErrors);

    /// <summary>Receive calls that failed with a transient socket error (e.g. an ICMP-induced connection reset).</summary>
    public long ReceiveErrors => Interlocked.Read(ref _receiveErrors);

    /// <summary>Datagrams that could not be sent (send buffer full, unreachable, socket closed).</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    /// <summary>Counts a datagram a higher layer dropped because its sender is not a known peer.</summary>
    public void AddDroppedUnknownPeer() => Interlocked.Increment(ref _droppedUnknownPeer);

    /// <summary>Stops publishing these counters on the meter; the properties keep their last values.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            MediaSocketMetrics.Unregister(this);
        }
    }

    internal void AddReceived(int bytes)
    {
        Interlocked.Increment(ref _packetsReceived);
        Interlocked.Add(ref _bytesReceived, bytes);
    }

    internal void AddSent(int bytes)
    {
        Interlocked.Increment(ref _packetsSent);
        Interlocked.Add(ref _bytesSent, bytes);
    }

    internal void AddDroppedMalformed() => Interlocked.Increment(ref _droppedMalformed);

    internal void AddDroppedPoolExhausted() => Interlocked.Increment(ref _droppedPoolExhausted);

    internal void AddDroppedOversize() => Interlocked.Increment(ref _droppedOversize);

    internal void AddHandlerError() => Interlocked.Increment(ref _handlerErrors);

    internal void AddReceiveError() => Interlocked.Increment(ref _receiveErrors);

    internal void AddSendError() => Interlocked.Increment(ref _sendErrors);
}
