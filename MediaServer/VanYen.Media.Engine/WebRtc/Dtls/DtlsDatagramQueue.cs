using System.Buffers;
using System.Net.Sockets;
using Org.BouncyCastle.Tls;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// BouncyCastle's view of the network for one association: datagrams the shared UDP socket handed to
/// <see cref="DtlsTransport.OnDatagram"/> wait here (copied into pooled buffers, bounded) until the record layer
/// asks for them; what it sends goes straight to the <see cref="IDtlsSender"/>.
/// </summary>
/// <remarks>
/// Receive blocks on a semaphore that every enqueue releases, so a record is picked up as soon as it arrives
/// (no polling); the wait ends early when the handshake is cancelled or the queue is closed.
/// </remarks>
internal sealed class DtlsDatagramQueue : DatagramTransport
{
    private readonly Queue<(byte[] Buffer, int Length)> _datagrams;
    private readonly SemaphoreSlim _available = new(0);
    private readonly IDtlsSender _sender;
    private readonly int _capacity;
    private readonly int _maxReceiveLength;
    private readonly int _maxSendLength;
    private CancellationToken _waitCancellation;
    private bool _closed;
    private volatile bool _sendingDisabled;
    private long _droppedSends;

    public DtlsDatagramQueue(IDtlsSender sender, int capacity, int maxReceiveLength, int maxSendLength)
    {
        _sender = sender;
        _capacity = capacity;
        _maxReceiveLength = maxReceiveLength;
        _maxSendLength = maxSendLength;
        _datagrams = new Queue<(byte[], int)>(Math.Min(capacity, 16));
    }

    /// <summary>Cancels a blocked <see cref="Receive(Span{byte}, int)"/> (handshake timeout, caller, dispose).</summary>
    public CancellationToken WaitCancellation
    {
        get => _waitCancellation;
        set => _waitCancellation = value;
    }

    public int Count
    {
        get
        {
            lock (_datagrams)
            {
                return _datagrams.Count;
            }
        }
    }

    public bool IsClosed
    {
        get
        {
            lock (_datagrams)
            {
                return _closed;
            }
        }
    }

    /// <summary>Sends that failed with a socket error (treated as lost datagrams).</summary>
    public long DroppedSendCount => Interlocked.Read(ref _droppedSends);

    /// <summary>Copies a received datagram in; false when it is too long, the queue is full or closed.</summary>
    public bool TryEnqueue(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length == 0 || datagram.Length > _maxReceiveLength)
        {
            return false;
        }

        lock (_datagrams)
        {
            if (_closed || _datagrams.Count >= _capacity)
            {
                return false;
            }

            byte[] buffer = ArrayPool<byte>.Shared.Rent(datagram.Length);
            datagram.CopyTo(buffer);
            _datagrams.Enqueue((buffer, datagram.Length));
        }

        _available.Release();
        return true;
    }

    /// <summary>Stops sending (after dispose the ICE layer may be gone).</summary>
    public void DisableSending() => _sendingDisabled = true;

    public int GetReceiveLimit() => _maxReceiveLength;

    public int GetSendLimit() => _maxSendLength;

    public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

    /// <summary>
    /// Next datagram into <paramref name="buffer"/>; -1 when none arrived within <paramref name="waitMillis"/>
    /// (0 means no limit, as in BouncyCastle). Throws <see cref="IOException"/> once cancelled or closed.
    /// </summary>
    public int Receive(Span<byte> buffer, int waitMillis)
    {
        long deadline = waitMillis == 0 ? long.MaxValue : Environment.TickCount64 + waitMillis;
        while (true)
        {
            int remaining = deadline == long.MaxValue
                ? Timeout.Infinite
                : (int)Math.Max(0, deadline - Environment.TickCount64);
            bool signalled;
            try
            {
                signalled = _available.Wait(remaining, _waitCancellation);
            }
            catch (OperationCanceledException exception)
            {
                throw new IOException("The DTLS handshake was cancelled.", exception);
            }

            lock (_datagrams)
            {
                if (_closed)
                {
                    throw new IOException("The DTLS transport is closed.");
                }

                if (!signalled)
                {
                    return -1;
                }

                (byte[] datagram, int length) = _datagrams.Dequeue();
                try
                {
                    // A datagram never gets truncated: one longer than BouncyCastle's buffer (only possible after
                    // the handshake, when the record layer subtracts the cipher's overhead) is dropped whole.
                    if (length <= buffer.Length)
                    {
                        datagram.AsSpan(0, length).CopyTo(buffer);
                        return length;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(datagram);
                }
            }
        }
    }

    public void Send(byte[] buf, int off, int len) => Send(buf.AsSpan(off, len));

    public void Send(ReadOnlySpan<byte> buffer)
    {
        if (_sendingDisabled)
        {
            return;
        }

        try
        {
            _sender.Send(buffer);
        }
        catch (SocketException)
        {
            // UDP gives no delivery promise anyway; BouncyCastle retransmits the flight if it mattered.
            Interlocked.Increment(ref _droppedSends);
        }
    }

    /// <summary>
    /// Called by BouncyCastle when the association ends (after its close_notify or fatal alert went out) and by
    /// <see cref="DtlsTransport.Dispose"/>: wakes a blocked receive and returns the queued buffers.
    /// </summary>
    public void Close()
    {
        lock (_datagrams)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            while (_datagrams.TryDequeue(out (byte[] Buffer, int Length) item))
            {
                ArrayPool<byte>.Shared.Return(item.Buffer);
            }
        }

        _available.Release();
    }
}
