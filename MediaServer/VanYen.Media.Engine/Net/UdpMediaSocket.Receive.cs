using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace VanYen.Media.Engine.Net;

/// <summary>The receive loop: one per socket, reading into pooled buffers with a reused <see cref="SocketAddress"/>.</summary>
public sealed partial class UdpMediaSocket
{
    private async Task RunReceiveLoopAsync()
    {
        try
        {
            await ReceiveLoopAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReceiveLoopFailed(_logger, Name, exception);
            throw;
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellation)
    {
        // One address object for the life of the loop: ReceiveFromAsync overwrites it per datagram.
        var remote = new SocketAddress(_socket.AddressFamily);
        while (!cancellation.IsCancellationRequested)
        {
            bool rented = _pool.TryRent(out PacketBuffer buffer);
            int length;
            try
            {
                Memory<byte> target = rented ? buffer.Memory : _overflowBuffer;
                length = await _socket.ReceiveFromAsync(target, SocketFlags.None, remote, cancellation).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsStopping(exception, cancellation))
            {
                ReturnIfRented(rented, buffer);
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.MessageSize)
            {
                // Windows reports a datagram larger than the buffer as an error.
                ReturnIfRented(rented, buffer);
                _counters.AddReceived(_pool.SlotSize);
                _counters.AddDroppedOversize();
                continue;
            }
            catch (SocketException exception) when (IsTransient(exception.SocketErrorCode))
            {
                ReturnIfRented(rented, buffer);
                _counters.AddReceiveError();
                LogTransientReceiveError(_logger, Name, exception.SocketErrorCode);
                continue;
            }

            OnReceived(rented, buffer, length, remote);
        }
    }

    /// <summary>After a read of <paramref name="length"/> bytes (into the rented buffer, or the overflow buffer when none was): drop or dispatch.</summary>
    private void OnReceived(bool rented, PacketBuffer buffer, int length, SocketAddress remote)
    {
        if (length >= _pool.SlotSize)
        {
            // Linux truncates a datagram to the buffer silently (MSG_TRUNC is not surfaced here), so a
            // datagram filling the whole slot may have been longer: drop it rather than pass on a stub.
            ReturnIfRented(rented, buffer);
            _counters.AddReceived(length);
            _counters.AddDroppedOversize();
            return;
        }

        if (!rented)
        {
            // The pool ran dry before this receive; a slot may have come back while we waited.
            if (!_pool.TryRent(out buffer))
            {
                _counters.AddReceived(length);
                _counters.AddDroppedPoolExhausted();
                return;
            }

            _overflowBuffer.AsSpan(0, length).CopyTo(buffer.Span);
        }

        _dispatcher.Dispatch(buffer, length, remote);
    }

    private static void ReturnIfRented(bool rented, PacketBuffer buffer)
    {
        if (rented)
        {
            buffer.Return();
        }
    }

    private bool IsStopping(Exception exception, CancellationToken cancellation) =>
        exception is OperationCanceledException or ObjectDisposedException
        || (exception is SocketException && (Volatile.Read(ref _disposed) != 0 || cancellation.IsCancellationRequested));

    private static bool IsTransient(SocketError error) => error
        is SocketError.ConnectionReset      // Windows: ICMP port unreachable for an earlier send
        or SocketError.ConnectionRefused    // Linux: the same, when reported
        or SocketError.NetworkReset
        or SocketError.HostUnreachable
        or SocketError.NetworkUnreachable
        or SocketError.NoBufferSpaceAvailable
        or SocketError.WouldBlock
        or SocketError.Interrupted;

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Media socket {SocketName}: transient receive error {SocketError}, continuing")]
    private static partial void LogTransientReceiveError(ILogger logger, string socketName, SocketError socketError);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Media socket {SocketName}: receive loop ended by an unexpected error")]
    private static partial void LogReceiveLoopFailed(ILogger logger, string socketName, Exception exception);
}
