using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace VanYen.Media.Engine.Net;

/// <summary>The send path: synchronous, non-blocking, allocation-free.</summary>
public sealed partial class UdpMediaSocket
{
    /// <inheritdoc/>
    /// <remarks>Safe to call from any thread, including from inside the datagram handler.</remarks>
    public bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        try
        {
            int sent = _socket.SendTo(datagram, SocketFlags.None, remote);
            _counters.AddSent(sent);
            return true;
        }
        catch (SocketException exception)
        {
            // WouldBlock here means the send buffer is full: drop, as late media is useless.
            _counters.AddSendError();
            LogSendFailed(_logger, Name, exception.SocketErrorCode);
            return false;
        }
        catch (ObjectDisposedException)
        {
            _counters.AddSendError();
            return false;
        }
    }

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Media socket {SocketName}: send failed with {SocketError}; datagram dropped")]
    private static partial void LogSendFailed(ILogger logger, string socketName, SocketError socketError);
}
