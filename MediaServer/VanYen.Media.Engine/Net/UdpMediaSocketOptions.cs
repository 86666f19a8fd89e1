namespace VanYen.Media.Engine.Net;

/// <summary>Settings of a <see cref="UdpMediaSocket"/>; the defaults suit one server media port.</summary>
public sealed class UdpMediaSocketOptions
{
    /// <summary>
    /// Default SO_RCVBUF, 4 MiB: the kernel charges each small datagram about 1 KiB, so this holds a few
    /// thousand datagrams, enough to ride out a GC pause or scheduling stall of the receive loop at
    /// thousands of packets per second.
    /// </summary>
    public const int DefaultReceiveBufferSize = 4 * 1024 * 1024;

    /// <summary>Default SO_SNDBUF.</summary>
    public const int DefaultSendBufferSize = 1024 * 1024;

    /// <summary>Default number of pooled packet buffers (2 MiB of 2,048-byte slots).</summary>
    public const int DefaultPacketBufferCount = 1024;

    /// <summary>The tag naming the socket in metrics and logs, e.g. "webrtc" or "rtp".</summary>
    public string Name { get; init; } = "media";

    /// <summary>Requested SO_RCVBUF in bytes. The kernel may cap it (Linux: net.core.rmem_max); see <see cref="UdpMediaSocket.ReceiveBufferSize"/>.</summary>
    public int ReceiveBufferSize { get; init; } = DefaultReceiveBufferSize;

    /// <summary>Requested SO_SNDBUF in bytes.</summary>
    public int SendBufferSize { get; init; } = DefaultSendBufferSize;

    /// <summary>Bytes per pooled packet buffer. A datagram must be shorter than this (at most 2,047 bytes by default); longer ones are dropped and counted as oversize.</summary>
    public int PacketBufferSize { get; init; } = PacketBufferPool.DefaultSlotSize;

    /// <summary>Number of pooled packet buffers; when all are held by handlers, datagrams are dropped and counted.</summary>
    public int PacketBufferCount { get; init; } = DefaultPacketBufferCount;

    /// <summary>A pool to share with other sockets instead of creating one; <see cref="PacketBufferSize"/> and <see cref="PacketBufferCount"/> are then ignored.</summary>
    public PacketBufferPool? Pool { get; init; }

    /// <summary>
    /// Receive on a thread of the socket's own, which waits in <c>poll(2)</c> and reads the queued datagrams
    /// synchronously, instead of the asynchronous loop whose every datagram that finds the socket empty goes through the
    /// runtime's event thread and a thread-pool worker. For a port receiving thousands of small datagrams a second from
    /// many peers (a meeting's plain RTP participants): the hop and the workers' spinning cost more than the reads.
    /// Default false (one thread per socket is not worth it for a quiet port).
    /// </summary>
    public bool DedicatedReceiveThread { get; init; }

    /// <summary>When binding an IPv6 address, also accept IPv4 peers (as IPv4-mapped IPv6 addresses). Default true.</summary>
    public bool DualMode { get; init; } = true;
}
