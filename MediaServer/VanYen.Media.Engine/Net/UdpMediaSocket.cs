using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VanYen.Media.Engine.Net;

/// <summary>
/// A UDP media port: one bound socket, one receive loop reading into pooled pinned buffers,
/// every datagram classified (RFC 7983) and handed to an <see cref="IDatagramHandler"/>,
/// and a non-blocking, allocation-free send path. Create it with <see cref="Bind"/>;
/// stop it with <see cref="DisposeAsync"/>.
/// </summary>
public sealed partial class UdpMediaSocket : IPacketTransport, IAsyncDisposable
{
    // SIO_UDP_CONNRESET: stops Windows from failing the next receive with WSAECONNRESET
    // after an ICMP port-unreachable for an earlier send.
    private const int WindowsUdpConnectionResetControlCode = unchecked((int)0x9800000C);

    private readonly Socket _socket;
    private readonly PacketBufferPool _pool;
    private readonly byte[] _overflowBuffer;
    private readonly MediaSocketCounters _counters;
    private readonly DatagramDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly bool _dedicatedReceiveThread;
    private Task _receiveLoop = Task.CompletedTask;
    private int _disposed;

    private UdpMediaSocket(Socket socket, IDatagramHandler handler, UdpMediaSocketOptions options, ILogger logger)
    {
        _socket = socket;
        _logger = logger;
        _pool = options.Pool ?? new PacketBufferPool(options.PacketBufferCount, options.PacketBufferSize);
        // Where a datagram goes when every pooled buffer is held: read, then copied or dropped.
        _overflowBuffer = GC.AllocateUninitializedArray<byte>(_pool.SlotSize, pinned: true);
        _counters = new MediaSocketCounters(options.Name);
        _dispatcher = new DatagramDispatcher(handler, this, _counters, logger);
        _dedicatedReceiveThread = options.DedicatedReceiveThread;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        ReceiveBufferSize = socket.ReceiveBufferSize;
    }

    /// <summary>The bound local address and port (the actual port when bound to port 0).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The bound local port.</summary>
    public int Port => LocalEndPoint.Port;

    /// <summary>The socket's name (metrics tag and log field).</summary>
    public string Name => _counters.Name;

    /// <summary>The socket's counters.</summary>
    public MediaSocketCounters Counters => _counters;

    /// <summary>The pool the receive loop reads into.</summary>
    public PacketBufferPool Pool => _pool;

    /// <summary>The SO_RCVBUF the operating system granted (Linux reports double the request, capped by net.core.rmem_max).</summary>
    public int ReceiveBufferSize { get; }

    /// <summary>Completes when the receive loop ends: successfully after <see cref="DisposeAsync"/>, faulted on an unexpected socket error (logged).</summary>
    public Task Completion => _receiveLoop;

    /// <summary>
    /// Binds a UDP socket to <paramref name="localEndPoint"/> (port 0 picks a free port; <see cref="IPAddress.IPv6Any"/>
    /// with <see cref="UdpMediaSocketOptions.DualMode"/> accepts IPv4 and IPv6 peers) and starts its receive loop.
    /// </summary>
    public static UdpMediaSocket Bind(IPEndPoint localEndPoint, IDatagramHandler handler, UdpMediaSocketOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new UdpMediaSocketOptions();
        logger ??= NullLogger.Instance;

        var socket = new Socket(localEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (localEndPoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = options.DualMode;
            }

            ApplyBufferSizes(socket, options, logger);
            if (OperatingSystem.IsWindows())
            {
                socket.IOControl(WindowsUdpConnectionResetControlCode, [0, 0, 0, 0], null);
            }

            // Synchronous sends must fail at once on a full send buffer rather than stall the
            // media thread; asynchronous receives are not affected by this flag.
            socket.Blocking = false;
            socket.Bind(localEndPoint);
            var mediaSocket = new UdpMediaSocket(socket, handler, options, logger);
            mediaSocket.Start();
            return mediaSocket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes the <see cref="SocketAddress"/> to pass to <see cref="TrySend"/> for <paramref name="remote"/>,
    /// mapping an IPv4 address to IPv6 when this socket is IPv6 (dual mode). Allocates: call it once per peer.
    /// </summary>
    public SocketAddress CreateRemoteAddress(IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (_socket.AddressFamily == AddressFamily.InterNetworkV6 && remote.AddressFamily == AddressFamily.InterNetwork)
        {
            remote = new IPEndPoint(remote.Address.MapToIPv6(), remote.Port);
        }

        return remote.Serialize();
    }

    /// <summary>Stops the receive loop, closes the socket and waits for the loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Already logged by the loop; disposing must still finish.
        }

        _stopping.Dispose();
        _counters.Dispose();
        LogStopped(_logger, Name, LocalEndPoint);
    }

    private static void ApplyBufferSizes(Socket socket, UdpMediaSocketOptions options, ILogger logger)
    {
        try
        {
            socket.ReceiveBufferSize = options.ReceiveBufferSize;
            socket.SendBufferSize = options.SendBufferSize;
        }
        catch (SocketException exception)
        {
            // Some systems refuse sizes above their limit instead of capping them; the defaults still work.
            LogBufferSizeRefused(logger, options.Name, options.ReceiveBufferSize, options.SendBufferSize, exception);
        }
    }

    private void Start()
    {
        _receiveLoop = _dedicatedReceiveThread ? StartReceiveThread() : Task.Run(RunReceiveLoopAsync);
        LogStarted(_logger, Name, LocalEndPoint, ReceiveBufferSize);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Media socket {SocketName} listening on {LocalEndPoint} (receive buffer {ReceiveBufferSize} bytes)")]
    private static partial void LogStarted(ILogger logger, string socketName, IPEndPoint localEndPoint, int receiveBufferSize);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Media socket {SocketName} on {LocalEndPoint} stopped")]
    private static partial void LogStopped(ILogger logger, string socketName, IPEndPoint localEndPoint);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Media socket {SocketName}: the system refused receive buffer {ReceiveBufferSize} / send buffer {SendBufferSize} bytes; using its defaults")]
    private static partial void LogBufferSizeRefused(ILogger logger, string socketName, int receiveBufferSize, int sendBufferSize, Exception exception);
}
