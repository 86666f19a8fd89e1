using System.Net;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Sdp;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.WebRtc;

/// <summary>
/// One browser association on the shared WebRTC socket: its ICE session (address, consent), its DTLS transport
/// (role and expected fingerprint from the SDP), the SRTP contexts keyed from the DTLS exporter, and the
/// negotiated media. Incoming SRTP is unprotected in place on the receive thread and handed to an
/// <see cref="IRtpSink"/>; <see cref="SendRtp"/> protects and sends to the ICE-selected address.
/// </summary>
/// <remarks>
/// The receive path (<see cref="WebRtcEndpoint"/>'s thread) and the send path (any thread, serialized by a lock
/// because an SRTP context is used by one thread at a time) allocate nothing. Nothing is sent before DTLS completes.
/// </remarks>
public sealed partial class WebRtcPeer : IDtlsSender, IDisposable
{
    private const int SendBufferLength = 2048;

    private readonly WebRtcEndpoint _endpoint;
    private readonly WebRtcPeerOptions _options;
    private readonly DtlsTransport _dtls;
    private readonly ILogger _logger;
    private readonly Lock _receiveLock = new();
    private readonly Lock _sendLock = new();
    private readonly Lock _dtlsSendLock = new();
    private readonly byte[] _sendBuffer = new byte[SendBufferLength];
    private SocketAddress? _destination;
    private volatile bool _destinationChanged = true;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile SrtpContext? _inbound;
    private volatile SrtpContext? _outbound;
    private volatile NegotiatedSession _negotiated;
    private volatile IRtpSink? _sink;
    private volatile string? _closeReason;
    private int _handshakeStarted;
    private int _closed;

    /// <summary>Creates the peer, ties it to <paramref name="session"/> (its <see cref="IceSession.Owner"/>) and starts DTLS
    /// (as the server at once; as the client as soon as ICE selected an address).</summary>
    /// <param name="id">A name for logs and events (e.g. the room session id).</param>
    /// <param name="endpoint">The shared socket's endpoint.</param>
    /// <param name="session">The ICE session whose credentials are in the SDP.</param>
    /// <param name="negotiated">The offer/answer outcome: DTLS role, remote fingerprint, media.</param>
    /// <param name="certificate">Our DTLS certificate (its fingerprint is in our SDP).</param>
    /// <param name="options">SRTP profiles, SSRC, CNAME; defaults when null.</param>
    public WebRtcPeer(string id, WebRtcEndpoint endpoint, IceSession session, NegotiatedSession negotiated, DtlsCertificate certificate, WebRtcPeerOptions? options = null)
        : this(id, endpoint, session, negotiated, certificate, options, startDtls: true)
    {
    }

    /// <summary>Creates the peer; without <paramref name="startDtls"/> the keys come from <see cref="InstallSrtp"/> (tests, benchmarks).</summary>
    internal WebRtcPeer(string id, WebRtcEndpoint endpoint, IceSession session, NegotiatedSession negotiated, DtlsCertificate certificate, WebRtcPeerOptions? options, bool startDtls)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(negotiated);
        ArgumentNullException.ThrowIfNull(certificate);
        Id = id;
        _endpoint = endpoint;
        _options = options ?? new WebRtcPeerOptions();
        _logger = endpoint.Logger;
        IceSession = session;
        _negotiated = negotiated;
        LocalSsrc = _options.LocalSsrc;
        _sendStreams = new SenderStream[MaxSendStreams];
        _receiveStreams = new ReceiveStream[MaxReceiveStreams];

        DtlsRole role = negotiated.LocalDtlsRole == SdpDtlsRole.Client ? DtlsRole.Client : DtlsRole.Server;
        var fingerprint = DtlsFingerprint.Parse(negotiated.RemoteFingerprint.ToString());
        _dtls = new DtlsTransport(role, certificate, fingerprint, this, _options.Dtls, logger: _logger);
        _dtls.Closed += OnDtlsClosed;

        session.Owner = this;
        session.SelectedAddressChanged += OnSelectedAddressChanged;
        endpoint.Track(this);
        if (!startDtls)
        {
            return;
        }

        if (role == DtlsRole.Server)
        {
            StartHandshake();
        }
        else if (session.SelectedAddress is not null)
        {
            StartHandshake();
        }
    }

    /// <summary>Raised once when the peer ends, with the reason.</summary>
    public event EventHandler<WebRtcPeerClosedEventArgs>? Closed;

    /// <summary>The name given at creation.</summary>
    public string Id { get; }

    /// <summary>The ICE session (credentials, addresses, consent).</summary>
    public IceSession IceSession { get; }

    /// <summary>The current offer/answer outcome (replaced by <see cref="UpdateNegotiation"/>).</summary>
    public NegotiatedSession Negotiated => _negotiated;

    /// <summary>Our DTLS role.</summary>
    public DtlsRole DtlsRole => _dtls.Role;

    /// <summary>The SSRC of our receiver reports.</summary>
    public uint LocalSsrc { get; }

    /// <summary>True once DTLS completed and the SRTP contexts exist, until <see cref="Close"/>.</summary>
    public bool IsConnected => _outbound is not null && _closed == 0;

    /// <summary>True once the peer ended.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Why the peer ended, or null.</summary>
    public string? CloseReason => _closeReason;

    /// <summary>The negotiated SRTP profile once connected.</summary>
    public SrtpProtectionProfile? SrtpProfile => _outbound?.Profile;

    /// <summary>Completes when SRTP keys are in place; faults with the reason when the peer closes first.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Receives the incoming RTP; none (packets are dropped after statistics) when null.</summary>
    public IRtpSink? Sink
    {
        get => _sink;
        set => _sink = value;
    }

    /// <summary>Receives PLI / FIR / NACK / REMB about what we send; none when null.</summary>
    public IRtcpFeedbackSink? FeedbackSink { get; set; }

    /// <summary>Any object the owner ties to the peer (e.g. its room participant).</summary>
    public object? Tag { get; set; }

    /// <summary>Takes a renegotiated session description (same ICE and DTLS; new media, payload types, extension ids).</summary>
    public void UpdateNegotiation(NegotiatedSession negotiated)
    {
        ArgumentNullException.ThrowIfNull(negotiated);
        _negotiated = negotiated;
    }

    /// <summary>Ends the association locally (leave): see <see cref="Close(string, bool)"/>.</summary>
    public void Dispose() => Close("closed", closedLocally: true);

    /// <summary>
    /// Ends the association: removes the ICE session, closes DTLS (close_notify when connected), disposes the SRTP
    /// contexts and raises <see cref="Closed"/> once. Later calls do nothing.
    /// </summary>
    public void Close(string reason, bool closedLocally)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _closeReason = reason;
        IceSession.SelectedAddressChanged -= OnSelectedAddressChanged;
        _endpoint.Agent.Remove(IceSession);
        _endpoint.Untrack(this);
        _dtls.Dispose();
        lock (_receiveLock)
        {
            _inbound?.Dispose();
            _inbound = null;
        }

        lock (_sendLock)
        {
            _outbound?.Dispose();
            _outbound = null;
        }

        _connected.TrySetException(new InvalidOperationException(reason));
        WebRtcLog.PeerClosed(_logger, Id, reason);
        Closed?.Invoke(this, new WebRtcPeerClosedEventArgs(reason, closedLocally));
    }

    /// <inheritdoc/>
    void IDtlsSender.Send(ReadOnlySpan<byte> datagram)
    {
        // Rare (handshake flights, alerts): a fresh copy of the selected address each time is fine here.
        lock (_dtlsSendLock)
        {
            if (_endpoint.Transport is { } transport && IceSession.SelectedAddress is { } destination)
            {
                transport.TrySend(datagram, destination);
            }
        }
    }

    /// <summary>A DTLS datagram from the peer's address (copied by DTLS).</summary>
    internal void OnDtlsDatagram(ReadOnlySpan<byte> datagram) => _dtls.OnDatagram(datagram);

    private void OnSelectedAddressChanged(object? sender, IceSelectedAddressChangedEventArgs e)
    {
        _destinationChanged = true;
        if (e.Current is not null && _dtls.Role == DtlsRole.Client)
        {
            StartHandshake();
        }
    }

    private void StartHandshake()
    {
        if (Interlocked.Exchange(ref _handshakeStarted, 1) == 0)
        {
            _ = RunHandshakeAsync();
        }
    }

    private async Task RunHandshakeAsync()
    {
        DtlsHandshakeResult result;
        try
        {
            result = await _dtls.StartAsync().ConfigureAwait(false);
        }
        catch (DtlsHandshakeException exception)
        {
            Close(DescribeFailure(exception.Reason, exception.Message), closedLocally: false);
            return;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            Close("DTLS handshake did not run: " + exception.Message, closedLocally: false);
            return;
        }

        if (!SrtpProtectionProfileExtensions.TryFromId(result.SrtpProtectionProfile, out SrtpProtectionProfile profile))
        {
            Close("DTLS negotiated an SRTP profile this server does not speak", closedLocally: false);
            return;
        }

        using (SrtpKeyingMaterial keys = SrtpKeyingMaterial.Split(profile, result.KeyingMaterial, result.Role == DtlsRole.Client))
        {
            if (!InstallSrtp(keys.CreateInboundContext(), keys.CreateOutboundContext()))
            {
                return;
            }
        }

        WebRtcLog.PeerConnected(_logger, Id, IceSession.SelectedEndPoint, DtlsSrtpProtectionProfile.GetName(result.SrtpProtectionProfile));
        _connected.TrySetResult();
    }

    /// <summary>Puts the SRTP contexts in place (false, disposing them, when the peer already closed).</summary>
    internal bool InstallSrtp(SrtpContext inbound, SrtpContext outbound)
    {
        lock (_receiveLock)
        {
            lock (_sendLock)
            {
                if (_closed != 0)
                {
                    inbound.Dispose();
                    outbound.Dispose();
                    return false;
                }

                _inbound = inbound;
                _outbound = outbound;
                return true;
            }
        }
    }

    private void OnDtlsClosed(object? sender, DtlsClosedEventArgs e)
    {
        if (e.WasConnected && e.Reason != DtlsCloseReason.Disposed)
        {
            Close(DescribeFailure(e.Reason, e.Message), closedLocally: false);
        }
    }

    private static string DescribeFailure(DtlsCloseReason reason, string message) => reason switch
    {
        DtlsCloseReason.FingerprintMismatch => "DTLS fingerprint mismatch: the browser's certificate does not match the fingerprint in its SDP (" + message + ")",
        DtlsCloseReason.HandshakeTimeout => "DTLS handshake timed out (" + message + ")",
        DtlsCloseReason.PeerClosed => "the browser closed the DTLS association",
        DtlsCloseReason.NoCommonSrtpProfile => "DTLS found no common SRTP profile (" + message + ")",
        _ => "DTLS " + reason + ": " + message,
    };
}
