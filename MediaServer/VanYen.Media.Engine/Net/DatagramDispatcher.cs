using System.Net;
using Microsoft.Extensions.Logging;

namespace VanYen.Media.Engine.Net;

/// <summary>
/// The part of the receive path shared by sockets and in-memory transports: count,
/// classify, drop the malformed, call the handler, contain its exceptions, return the buffer.
/// </summary>
internal sealed partial class DatagramDispatcher
{
    private readonly IDatagramHandler _handler;
    private readonly IPacketTransport _transport;
    private readonly MediaSocketCounters _counters;
    private readonly ILogger _logger;

    public DatagramDispatcher(IDatagramHandler handler, IPacketTransport transport, MediaSocketCounters counters, ILogger logger)
    {
        _handler = handler;
        _transport = transport;
        _counters = counters;
        _logger = logger;
    }

    /// <summary>Handles a datagram of <paramref name="length"/> bytes received into <paramref name="buffer"/>, and owns the buffer from here on.</summary>
    public void Dispatch(PacketBuffer buffer, int length, SocketAddress remote)
    {
        _counters.AddReceived(length);
        PacketBuffer datagram = buffer.WithLength(length);
        PacketKind kind = PacketDemultiplexer.Classify(datagram.Span);
        if (kind == PacketKind.Unknown)
        {
            _counters.AddDroppedMalformed();
            datagram.Return();
            return;
        }

        bool bufferTaken = false;
        try
        {
            _handler.OnDatagram(new ReceivedDatagram(kind, datagram, remote, _transport, ref bufferTaken));
        }
        catch (Exception exception)
        {
            // A handler bug must cost one datagram, not the socket.
            _counters.AddHandlerError();
            LogHandlerFailed(_logger, _counters.Name, kind, exception);
        }
        finally
        {
            if (!bufferTaken)
            {
                datagram.Return();
            }
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Datagram handler of media socket {SocketName} threw on a {Kind} datagram; the datagram is dropped")]
    private static partial void LogHandlerFailed(ILogger logger, string socketName, PacketKind kind, Exception exception);
}
