using System.Globalization;
using Org.BouncyCastle.Tls;
using BouncyCastleDtlsTransport = Org.BouncyCastle.Tls.DtlsTransport;

namespace VanYen.Media.Engine.WebRtc.Dtls;

public sealed partial class DtlsTransport
{
    private CancellationToken _callerCancellation;
    private CancellationTokenSource? _timeoutSource;
    private CancellationTokenSource? _handshakeCancellation;
    private CancellationTokenRegistration _handshakeCancellationRegistration;

    /// <summary>Called under <see cref="_gate"/> by <see cref="StartAsync"/>.</summary>
    private void BeginHandshakeDeadline(CancellationToken cancellationToken)
    {
        _callerCancellation = cancellationToken;
        _timeoutSource = new CancellationTokenSource(_options.HandshakeTimeout, _options.TimeProvider);
        _handshakeCancellation = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken, _timeoutSource.Token, _disposeSource.Token);
        _queue.WaitCancellation = _handshakeCancellation.Token;
    }

    /// <summary>Called by <see cref="StartAsync"/> outside the lock (the callback may run at once and takes it).</summary>
    private void WatchHandshakeDeadline()
    {
        // Fail the task at once, even while the handshake still waits for a pool worker; the worker, if running,
        // leaves its blocking receive through the same token.
        _handshakeCancellationRegistration = _handshakeCancellation!.Token.UnsafeRegister(
            static state => ((DtlsTransport)state!).OnHandshakeCancelled(), this);
    }

    private void OnHandshakeCancelled()
    {
        (DtlsCloseReason reason, string message) = Classify(null, handshaking: true);
        Finish(reason, message, null);
    }

    /// <summary>Runs on a <see cref="DtlsHandshakePool"/> worker and blocks for the whole handshake.</summary>
    private void RunHandshake()
    {
        BouncyCastleDtlsTransport? connection = null;
        try
        {
            if (_state != DtlsTransportState.Handshaking)
            {
                return;
            }

            try
            {
                connection = Role == DtlsRole.Server
                    // ICE connectivity checks already proved the peer's return address (RFC 8445 §7.2.5.1), so the
                    // cookie exchange of RFC 6347 §4.2.1 would only add a round trip.
                    ? new DtlsServerProtocol { VerifyRequests = false }.Accept(new DtlsSrtpServer(_handshake), _queue)
                    : new DtlsClientProtocol().Connect(new DtlsSrtpClient(_handshake), _queue);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                (DtlsCloseReason reason, string message) = Classify(exception, handshaking: true);
                Finish(reason, message, exception);
                return;
            }

            DtlsHandshakeResult result = _handshake.CreateResult();
            bool connected;
            lock (_gate)
            {
                connected = _state == DtlsTransportState.Handshaking;
                if (connected)
                {
                    _state = DtlsTransportState.Connected;
                    _connection = connection;
                    _result = result;

                    // From now on only Dispose interrupts a receive; the handshake deadline no longer applies.
                    _queue.WaitCancellation = _disposeSource.Token;
                }
            }

            if (!connected)
            {
                // Timed out, cancelled or disposed in the very last moment: the task has already failed.
                lock (_recordLayerLock)
                {
                    CloseQuietly(connection);
                }

                return;
            }

            DtlsLog.HandshakeCompleted(
                _logger, Role, DtlsSrtpProtectionProfile.GetName(result.SrtpProtectionProfile), result.PeerFingerprint.ToString());
            DtlsMetrics.Handshakes.Add(1, new KeyValuePair<string, object?>("outcome", "connected"));
            _completion.TrySetResult(result);
            if (_queue.Count > 0)
            {
                ScheduleRecordProcessing();
            }
        }
        finally
        {
            _handshakeCancellationRegistration.Dispose();
            _handshakeCancellation?.Dispose();
            _timeoutSource?.Dispose();
        }
    }

    /// <summary>Turns whatever ended the handshake (or the association) into a reason and a sentence.</summary>
    private (DtlsCloseReason Reason, string Message) Classify(Exception? exception, bool handshaking)
    {
        if (_handshake.FailureReason != DtlsCloseReason.None)
        {
            return (_handshake.FailureReason, _handshake.FailureMessage ?? _handshake.FailureReason.ToString());
        }

        if (_disposed)
        {
            return (DtlsCloseReason.Disposed, handshaking
                ? "The DTLS transport was disposed during the handshake."
                : "The DTLS transport was disposed.");
        }

        if (handshaking && _callerCancellation.IsCancellationRequested)
        {
            return (DtlsCloseReason.Cancelled, "The DTLS handshake was cancelled.");
        }

        if (handshaking && _timeoutSource is { IsCancellationRequested: true })
        {
            return (DtlsCloseReason.HandshakeTimeout, string.Create(
                CultureInfo.InvariantCulture,
                $"No DTLS handshake completed within {_options.HandshakeTimeout.TotalSeconds:0.###} s ({ReceivedDatagramCount} datagrams received from the peer)."));
        }

        if (_handshake.ReceivedAlert >= 0)
        {
            if (_handshake.ReceivedAlertLevel == AlertLevel.fatal)
            {
                return (DtlsCloseReason.AlertReceived, "The peer sent the fatal alert " + AlertDescription.GetText(_handshake.ReceivedAlert) + ".");
            }

            if (_handshake.ReceivedAlert == AlertDescription.close_notify)
            {
                return (DtlsCloseReason.PeerClosed, "The peer closed the DTLS association (close_notify).");
            }
        }

        return exception switch
        {
            TlsFatalAlert alert => (DtlsCloseReason.ProtocolError, "DTLS failed with " + AlertDescription.GetText(alert.AlertDescription) + ": " + alert.Message),
            null => (DtlsCloseReason.ProtocolError, "DTLS failed."),
            _ => (DtlsCloseReason.ProtocolError, "DTLS failed: " + exception.Message),
        };
    }

    private static void CloseQuietly(BouncyCastleDtlsTransport connection)
    {
        try
        {
            connection.Close();
        }
        catch (IOException)
        {
            // Already failed.
        }
    }
}
