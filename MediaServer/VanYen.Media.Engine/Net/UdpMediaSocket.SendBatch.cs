using Microsoft.Extensions.Logging;

namespace VanYen.Media.Engine.Net;

/// <summary>The batched send path: one <c>sendmmsg(2)</c> per batch on Linux, one <c>sendto</c> per datagram elsewhere.</summary>
public sealed partial class UdpMediaSocket : IBatchPacketTransport
{
    // Cleared for good when the kernel says it has no sendmmsg; then every batch goes datagram by datagram.
    private volatile bool _multipleMessagesSupported = OperatingSystem.IsLinux();

    /// <inheritdoc/>
    /// <remarks>Safe to call from any thread, one batch per thread at a time.</remarks>
    public int SendBatch(PacketSendBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        return _multipleMessagesSupported ? SendMultipleMessages(batch) : SendOneByOne(batch, 0);
    }

    private int SendMultipleMessages(PacketSendBatch batch)
    {
        if (batch.TransportState is not LinuxMessageVector vector)
        {
            // Once per batch object: its headers point into its own pinned slab.
            vector = new LinuxMessageVector(batch);
            batch.TransportState = vector;
        }

        vector.Prepare(batch, _socket.AddressFamily);
        int count = batch.Count;
        int start = 0;
        int sentCount = 0;
        while (start < count)
        {
            int sent;
            int error;
            try
            {
                sent = vector.Send(_socket.SafeHandle, start, count - start, out error);
            }
            catch (ObjectDisposedException)
            {
                for (int i = start; i < count; i++)
                {
                    _counters.AddSendError();
                }

                return sentCount;
            }

            if (sent > 0)
            {
                for (int i = start; i < start + sent; i++)
                {
                    batch.MarkSent(i);
                    _counters.AddSent(batch.GetLength(i));
                }

                sentCount += sent;
                start += sent;
                continue;
            }

            if (error == LinuxMessageVector.Interrupted)
            {
                continue;
            }

            if (error == LinuxMessageVector.NoSuchSystemCall)
            {
                _multipleMessagesSupported = false;
                LogMultipleMessagesUnsupported(_logger, Name);
                return sentCount + SendOneByOne(batch, start);
            }

            // sendmmsg reports an error only when the first datagram failed (EAGAIN on a full send buffer, a refused
            // address): drop that one, as TrySend would, and go on with the rest.
            _counters.AddSendError();
            LogBatchSendFailed(_logger, Name, error);
            start++;
        }

        return sentCount;
    }

    private int SendOneByOne(PacketSendBatch batch, int start)
    {
        int sentCount = 0;
        for (int i = start; i < batch.Count; i++)
        {
            if (TrySend(batch.GetDatagram(i), batch.GetRemote(i)))
            {
                batch.MarkSent(i);
                sentCount++;
            }
        }

        return sentCount;
    }

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "Media socket {SocketName}: batched send failed with errno {Errno}; datagram dropped")]
    private static partial void LogBatchSendFailed(ILogger logger, string socketName, int errno);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Media socket {SocketName}: the kernel has no sendmmsg; sending datagram by datagram")]
    private static partial void LogMultipleMessagesUnsupported(ILogger logger, string socketName);
}
