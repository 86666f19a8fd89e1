using System.Net;
using System.Net.Sockets;

namespace VanYen.Media.Engine.Net;

/// <summary>
/// The receive loop on a thread of its own (<see cref="UdpMediaSocketOptions.DedicatedReceiveThread"/>): it sleeps in
/// <c>poll(2)</c> until a datagram is queued, then reads every queued datagram synchronously, so a datagram costs one
/// read and one FIONREAD, not a wake-up of the runtime's event thread and a hop to a thread-pool worker.
/// </summary>
public sealed partial class UdpMediaSocket
{
    // How long one wait lasts before the thread looks whether the socket is stopping (disposing also wakes it).
    private const int ReceiveWaitMicroseconds = 100_000;

    private Task StartReceiveThread()
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(RunReceiveThread) { IsBackground = true, Name = "media rx " + Name };
        thread.Start(completion);
        return completion.Task;
    }

    private void RunReceiveThread(object? state)
    {
        var completion = (TaskCompletionSource)state!;
        try
        {
            ReceiveOnThread(_stopping.Token);
            completion.SetResult();
        }
        catch (Exception exception)
        {
            LogReceiveLoopFailed(_logger, Name, exception);
            completion.SetException(exception);
        }
    }

    private void ReceiveOnThread(CancellationToken cancellation)
    {
        // One address object for the life of the loop: ReceiveFrom overwrites it per datagram.
        var remote = new SocketAddress(_socket.AddressFamily);
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                if (!_socket.Poll(ReceiveWaitMicroseconds, SelectMode.SelectRead))
                {
                    continue;
                }
            }
            catch (Exception exception) when (IsStopping(exception, cancellation))
            {
                return;
            }

            // Readable: read one datagram even if FIONREAD says 0 (a zero-length datagram, which would otherwise keep
            // poll returning at once), then the rest of the queue. Each read finds a datagram waiting, so none blocks
            // (the socket is non-blocking for the send path anyway).
            do
            {
                if (!ReceiveOneOnThread(remote, cancellation))
                {
                    return;
                }
            }
            while (!cancellation.IsCancellationRequested && HasQueuedDatagram());
        }
    }

    /// <summary>Reads and dispatches one datagram; false when the socket is stopping.</summary>
    private bool ReceiveOneOnThread(SocketAddress remote, CancellationToken cancellation)
    {
        bool rented = _pool.TryRent(out PacketBuffer buffer);
        int length;
        try
        {
            Span<byte> target = rented ? buffer.Span : _overflowBuffer;
            length = _socket.ReceiveFrom(target, SocketFlags.None, remote);
        }
        catch (Exception exception) when (IsStopping(exception, cancellation))
        {
            ReturnIfRented(rented, buffer);
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.MessageSize)
        {
            // Windows reports a datagram larger than the buffer as an error.
            ReturnIfRented(rented, buffer);
            _counters.AddReceived(_pool.SlotSize);
            _counters.AddDroppedOversize();
            return true;
        }
        catch (SocketException exception) when (IsTransient(exception.SocketErrorCode))
        {
            ReturnIfRented(rented, buffer);
            _counters.AddReceiveError();
            LogTransientReceiveError(_logger, Name, exception.SocketErrorCode);
            return true;
        }

        OnReceived(rented, buffer, length, remote);
        return true;
    }

    private bool HasQueuedDatagram()
    {
        try
        {
            return _socket.Available > 0;
        }
        catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
        {
            // Stopping, or an error the next poll and read report.
            return false;
        }
    }
}
