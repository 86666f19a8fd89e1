namespace VanYen.Media.Engine.WebRtc.Dtls;

public sealed partial class DtlsTransport
{
    private byte[]? _recordBuffer;
    private int _recordProcessingScheduled;

    /// <summary>At most one record-processing work item per transport runs or waits at any time.</summary>
    private void ScheduleRecordProcessing()
    {
        if (Interlocked.Exchange(ref _recordProcessingScheduled, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static transport => transport.ProcessRecords(), this, preferLocal: false);
        }
    }

    private void ProcessRecords()
    {
        do
        {
            lock (_recordLayerLock)
            {
                ProcessQueuedRecords();
            }

            Volatile.Write(ref _recordProcessingScheduled, 0);
        }
        while (_queue.Count > 0
            && _state == DtlsTransportState.Connected
            && Interlocked.Exchange(ref _recordProcessingScheduled, 1) == 0);
    }

    /// <summary>
    /// Feeds the datagrams that arrived after the handshake to BouncyCastle's record layer: it answers a
    /// retransmitted final flight of the peer by retransmitting ours (RFC 6347 §4.2.4), discards junk and
    /// application data, and reports alerts and close_notify, which end the association.
    /// </summary>
    private void ProcessQueuedRecords()
    {
        var connection = _connection;
        if (connection is null || _state != DtlsTransportState.Connected)
        {
            return;
        }

        _recordBuffer ??= new byte[_options.MaxReceiveDatagramLength];
        try
        {
            while (_queue.Count > 0 && !_queue.IsClosed)
            {
                // The shortest wait BouncyCastle allows (0 would mean forever): it returns once the queue is empty.
                connection.Receive(_recordBuffer, 0, _recordBuffer.Length, 1);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            (DtlsCloseReason reason, string message) = Classify(exception, handshaking: false);
            Finish(reason, message, exception);
            return;
        }

        if (_queue.IsClosed)
        {
            (DtlsCloseReason reason, string message) = Classify(null, handshaking: false);
            Finish(reason, message, null);
        }
    }
}
