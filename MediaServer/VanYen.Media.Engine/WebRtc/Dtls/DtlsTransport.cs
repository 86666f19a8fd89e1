using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using BouncyCastleDtlsTransport = Org.BouncyCastle.Tls.DtlsTransport;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// DTLS 1.2 (RFC 6347) with the DTLS-SRTP extension (RFC 5764) for one WebRTC peer association: it runs the
/// handshake that authenticates the browser by its SDP fingerprint and exports the SRTP master keys.
/// </summary>
/// <remarks>
/// <para>The ICE layer demultiplexes the shared UDP socket (RFC 7983: first byte 20–63 is DTLS) and hands each
/// DTLS datagram to <see cref="OnDatagram"/>, from any thread, before or after <see cref="StartAsync"/>. Everything
/// we send goes through the <see cref="IDtlsSender"/>.</para>
/// <para>BouncyCastle's handshake is blocking, so it runs on a <see cref="DtlsHandshakePool"/> worker that waits on a
/// signal for each record. After the handshake, the rare datagrams that still come (the peer's retransmitted last
/// flight when our Finished was lost, alerts, close_notify) are processed on the thread pool; application data
/// (data channels) is ignored.</para>
/// </remarks>
public sealed partial class DtlsTransport : IDisposable
{
    private readonly object _gate = new();
    private readonly object _recordLayerLock = new();
    private readonly DtlsTransportOptions _options;
    private readonly DtlsHandshakePool _pool;
    private readonly ILogger _logger;
    private readonly DtlsDatagramQueue _queue;
    private readonly DtlsHandshakeContext _handshake;
    private readonly CancellationTokenSource _disposeSource = new();
    private readonly TaskCompletionSource<DtlsHandshakeResult> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile DtlsTransportState _state;
    private volatile bool _disposed;
    private BouncyCastleDtlsTransport? _connection;
    private DtlsHandshakeResult? _result;
    private DtlsCloseReason _closeReason;
    private string? _closeMessage;
    private long _receivedDatagrams;
    private long _droppedDatagrams;

    /// <summary>Creates the transport for one peer association; nothing is sent until <see cref="StartAsync"/>.</summary>
    /// <param name="role"><see cref="DtlsRole.Server"/> when we answered <c>a=setup:passive</c>, else <see cref="DtlsRole.Client"/>.</param>
    /// <param name="certificate">Our certificate (its fingerprint is in our SDP).</param>
    /// <param name="expectedPeerFingerprint">The fingerprint from the peer's SDP; the handshake fails unless its certificate matches.</param>
    /// <param name="sender">Sends our datagrams to the peer's current address.</param>
    /// <param name="options">Timeouts, SRTP profile preference, sizes; <c>null</c> for the defaults.</param>
    /// <param name="pool">Where the blocking handshake runs; <c>null</c> for <see cref="DtlsHandshakePool.Shared"/>.</param>
    /// <param name="logger">Handshake outcomes.</param>
    public DtlsTransport(
        DtlsRole role,
        DtlsCertificate certificate,
        DtlsFingerprint expectedPeerFingerprint,
        IDtlsSender sender,
        DtlsTransportOptions? options = null,
        DtlsHandshakePool? pool = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(expectedPeerFingerprint);
        ArgumentNullException.ThrowIfNull(sender);
        if (role is not DtlsRole.Server and not DtlsRole.Client)
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown DTLS role.");
        }

        _options = options ?? new DtlsTransportOptions();
        _options.Validate();
        _pool = pool ?? DtlsHandshakePool.Shared;
        _logger = logger ?? NullLogger.Instance;
        _queue = new DtlsDatagramQueue(
            sender,
            _options.ReceiveQueueCapacity,
            _options.MaxReceiveDatagramLength,
            _options.MaxSendDatagramLength);
        _handshake = new DtlsHandshakeContext(
            role,
            certificate,
            expectedPeerFingerprint,
            [.. _options.SrtpProtectionProfiles],
            (int)Math.Ceiling(_options.InitialRetransmitTimeout.TotalMilliseconds));
        ExpectedPeerFingerprint = expectedPeerFingerprint;
    }

    /// <summary>Raised once when the transport ends: handshake failure, peer alert or close_notify, or <see cref="Dispose"/>.</summary>
    /// <remarks>Raised on whichever thread noticed (a handshake worker, the thread pool, a timer, the disposer); handlers must not throw.</remarks>
    public event EventHandler<DtlsClosedEventArgs>? Closed;

    /// <summary>Our role.</summary>
    public DtlsRole Role => _handshake.Role;

    /// <summary>The fingerprint the peer's certificate must match.</summary>
    public DtlsFingerprint ExpectedPeerFingerprint { get; }

    /// <summary>Where the transport is in its life.</summary>
    public DtlsTransportState State => _state;

    /// <summary>The SRTP keys and profile once <see cref="State"/> reached <see cref="DtlsTransportState.Connected"/>.</summary>
    public DtlsHandshakeResult? HandshakeResult
    {
        get
        {
            lock (_gate)
            {
                return _result;
            }
        }
    }

    /// <summary>Why the transport ended, or <see cref="DtlsCloseReason.None"/> while it runs.</summary>
    public DtlsCloseReason CloseReason
    {
        get
        {
            lock (_gate)
            {
                return _closeReason;
            }
        }
    }

    /// <summary>The end reason in words, or <c>null</c> while it runs.</summary>
    public string? CloseMessage
    {
        get
        {
            lock (_gate)
            {
                return _closeMessage;
            }
        }
    }

    /// <summary>Datagrams accepted by <see cref="OnDatagram"/>.</summary>
    public long ReceivedDatagramCount => Interlocked.Read(ref _receivedDatagrams);

    /// <summary>Datagrams dropped by <see cref="OnDatagram"/>: queue full, too long, empty, impossibly short protected record, or transport closed.</summary>
    public long DroppedDatagramCount => Interlocked.Read(ref _droppedDatagrams);

    /// <summary>Our sends that failed with a socket error (counted as lost).</summary>
    public long FailedSendCount => _queue.DroppedSendCount;

    /// <summary>
    /// Takes one received DTLS datagram (copied; the span may be reused as soon as this returns). Never blocks,
    /// never throws on content: junk is discarded (here or by the record layer), and a full queue drops the datagram and counts it.
    /// </summary>
    public void OnDatagram(ReadOnlySpan<byte> datagram)
    {
        if (!DtlsRecordFilter.IsAcceptable(datagram, _handshake.MinimumProtectedRecordLength) || !_queue.TryEnqueue(datagram))
        {
            Interlocked.Increment(ref _droppedDatagrams);
            DtlsMetrics.DroppedDatagrams.Add(1);
            return;
        }

        Interlocked.Increment(ref _receivedDatagrams);
        if (_state == DtlsTransportState.Connected)
        {
            ScheduleRecordProcessing();
        }
    }

    /// <summary>
    /// Queues the handshake on the pool and completes when it does. Call once.
    /// </summary>
    /// <returns>The negotiated SRTP profile, keying material and peer fingerprint.</returns>
    /// <exception cref="DtlsHandshakeException">The handshake failed; <see cref="DtlsHandshakeException.Reason"/> says why
    /// (<see cref="DtlsCloseReason.HandshakeTimeout"/> after <see cref="DtlsTransportOptions.HandshakeTimeout"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task<DtlsHandshakeResult> StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_state != DtlsTransportState.New)
            {
                throw new InvalidOperationException("StartAsync may be called only once per DTLS transport.");
            }

            _state = DtlsTransportState.Handshaking;
            BeginHandshakeDeadline(cancellationToken);
        }

        WatchHandshakeDeadline();
        try
        {
            _pool.Enqueue(RunHandshake);
        }
        catch (ObjectDisposedException exception)
        {
            Finish(DtlsCloseReason.ProtocolError, "The DTLS handshake pool is disposed.", exception);
        }

        return _completion.Task;
    }

    /// <summary>
    /// Ends the association: sends close_notify when connected, cancels a running handshake (its task fails with
    /// <see cref="DtlsCloseReason.Disposed"/> at once), and stops sending.
    /// </summary>
    public void Dispose()
    {
        BouncyCastleDtlsTransport? connection;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connection = _connection;
        }

        if (connection is not null)
        {
            lock (_recordLayerLock)
            {
                try
                {
                    // RFC 5246 §7.2.1: announce the end (BouncyCastle sends close_notify).
                    connection.Close();
                }
                catch (IOException)
                {
                    // Already failed; nothing more to tell the peer.
                }
            }
        }

        _queue.DisableSending();
        _disposeSource.Cancel();
        _queue.Close();
        Finish(DtlsCloseReason.Disposed, "The DTLS transport was disposed.", null);
    }

    private void Finish(DtlsCloseReason reason, string message, Exception? exception)
    {
        DtlsTransportState previous;
        lock (_gate)
        {
            previous = _state;
            if (previous is DtlsTransportState.Closed or DtlsTransportState.Failed)
            {
                return;
            }

            _state = previous == DtlsTransportState.Connected ? DtlsTransportState.Closed : DtlsTransportState.Failed;
            _closeReason = reason;
            _closeMessage = message;
        }

        bool wasConnected = previous == DtlsTransportState.Connected;
        if (wasConnected)
        {
            DtlsLog.Closed(_logger, reason, message);
        }
        else if (previous == DtlsTransportState.Handshaking)
        {
            DtlsLog.HandshakeFailed(_logger, Role, reason, message);
            DtlsMetrics.Handshakes.Add(1, new KeyValuePair<string, object?>("outcome", reason.ToString()));
            if (reason == DtlsCloseReason.Cancelled)
            {
                _completion.TrySetCanceled(_callerCancellation);
            }
            else
            {
                _completion.TrySetException(new DtlsHandshakeException(reason, message, exception));
            }
        }

        Closed?.Invoke(this, new DtlsClosedEventArgs(reason, message, wasConnected));
    }
}
