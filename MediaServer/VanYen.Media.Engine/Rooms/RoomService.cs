using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Rooms;

/// <summary>
/// The engine's rooms behind <see cref="IRoomService"/>: each session gets an ICE session on the shared socket,
/// an SDP answer (or a server offer), and a <see cref="WebRtcPeer"/>; echo rooms decode, re-encode and return the
/// audio, relay rooms forward publishers' packets to listeners.
/// </summary>
public sealed partial class RoomService : IRoomService, IDisposable
{
    private readonly WebRtcEndpoint _endpoint;
    private readonly DtlsCertificate _certificate;
    private readonly MediaClock _clock;
    private readonly RoomServiceOptions _options;
    private readonly ILogger _logger;
    private readonly SdpFingerprint _fingerprint;
    private readonly DtlsTransportOptions _dtlsOptions;
    private readonly ConcurrentDictionary<string, RoomParticipant> _participants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly Lock _roomsLock = new();
    private int _disposed;

    /// <summary>Creates the service on <paramref name="endpoint"/>'s socket; starts <paramref name="clock"/> if needed.</summary>
    public RoomService(WebRtcEndpoint endpoint, DtlsCertificate certificate, MediaClock clock, RoomServiceOptions? options = null, ILogger<RoomService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(clock);
        _endpoint = endpoint;
        _certificate = certificate;
        _clock = clock;
        _options = options ?? new RoomServiceOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _fingerprint = SdpFingerprint.Sha256OfCertificate(certificate.RawData);
        _dtlsOptions = new DtlsTransportOptions { SrtpProtectionProfiles = _options.SrtpProfiles, HandshakeTimeout = _options.DtlsHandshakeTimeout };
        _endpoint.Agent.SessionExpired += OnIceSessionExpired;
        _clock.Start();
    }

    /// <inheritdoc/>
    public event EventHandler<RoomSessionClosedEventArgs>? SessionClosed;

    /// <summary>The peer of a session once its SDP exchange completed (for diagnostics and tests).</summary>
    public WebRtcPeer? FindPeer(string sessionId) => _participants.TryGetValue(sessionId, out RoomParticipant? participant) ? participant.Peer : null;

    /// <inheritdoc/>
    public Task<RoomJoinResult> JoinAsync(RoomJoinRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (string.IsNullOrWhiteSpace(request.SessionId) || string.IsNullOrWhiteSpace(request.RoomId))
        {
            throw new RoomException("A join needs a session id and a room id.");
        }

        IceSession ice = _endpoint.Agent.CreateSession();
        var participant = new RoomParticipant(request, ice, NewSsrc(), "vanyen-" + IceCredentials.GenerateUfrag());
        if (!_participants.TryAdd(request.SessionId, participant))
        {
            _endpoint.Agent.Remove(ice);
            throw new RoomException($"Session '{request.SessionId}' has already joined a room.");
        }

        try
        {
            RoomJoinResult result = request.OfferSdp is { } offer ? Answer(participant, offer) : Offer(participant);
            LogJoined(_logger, request.SessionId, request.Kind, request.RoomId, request.Role);
            return Task.FromResult(result);
        }
        catch
        {
            _participants.TryRemove(request.SessionId, out _);
            _endpoint.Agent.Remove(ice);
            participant.Peer?.Close("join failed", closedLocally: true);
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<string> RenegotiateAsync(string sessionId, string offerSdp, CancellationToken cancellationToken)
    {
        RoomParticipant participant = Get(sessionId);
        WebRtcPeer peer = participant.Peer ?? throw new RoomException($"Session '{sessionId}' has not completed its first offer/answer.");
        NegotiatedSession previous = peer.Negotiated;
        NegotiatedSession negotiated = Negotiate(participant, offerSdp, previous.LocalDescription.Origin.SessionId, previous.LocalDescription.Origin.SessionVersion + 1);
        // RFC 8839 §4.4.1.1.1: new ICE credentials mean an ICE restart, whose answer must carry new credentials too;
        // the ICE-lite session keeps its remote ufrag and would drop the restarted checks, so refuse it plainly.
        if (!string.Equals(negotiated.RemoteIceUfrag, previous.RemoteIceUfrag, StringComparison.Ordinal)
            || !string.Equals(negotiated.RemoteIcePassword, previous.RemoteIcePassword, StringComparison.Ordinal))
        {
            throw new RoomException("The new offer carries other ICE credentials (an ICE restart), which is not supported; rejoin the room instead.");
        }

        if (!negotiated.RemoteFingerprint.Equals(previous.RemoteFingerprint))
        {
            throw new RoomException("The new offer carries another DTLS fingerprint; renegotiation keeps the same DTLS association.");
        }

        participant.ApplyNegotiation(negotiated);
        peer.UpdateNegotiation(negotiated);
        return Task.FromResult(negotiated.LocalSdp);
    }

    /// <inheritdoc/>
    public Task AcceptAnswerAsync(string sessionId, string answerSdp, CancellationToken cancellationToken)
    {
        RoomParticipant participant = Get(sessionId);
        SessionDescription offer = participant.PendingOffer ?? throw new RoomException($"Session '{sessionId}' has no server offer waiting for an answer.");
        NegotiatedSession negotiated;
        try
        {
            negotiated = SdpOfferer.AcceptAnswer(offer, answerSdp);
        }
        catch (Exception exception) when (exception is SdpParseException or SdpNegotiationException)
        {
            throw new RoomException("The answer does not fit the server's offer: " + exception.Message, exception);
        }

        participant.PendingOffer = null;
        Connect(participant, negotiated);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task LeaveAsync(string sessionId)
    {
        if (sessionId is not null && _participants.TryGetValue(sessionId, out RoomParticipant? participant))
        {
            End(participant, "left the room", raise: false);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public bool TryGetReceivedAudio(string sessionId, out short[] samples)
    {
        if (sessionId is not null && _participants.TryGetValue(sessionId, out RoomParticipant? participant) && participant.Echo is { } echo)
        {
            samples = echo.Ring.Snapshot();
            return true;
        }

        samples = [];
        return false;
    }

    /// <summary>Ends every session (without raising <see cref="SessionClosed"/>).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _endpoint.Agent.SessionExpired -= OnIceSessionExpired;
        foreach (RoomParticipant participant in _participants.Values)
        {
            End(participant, "the server is shutting down", raise: false);
        }
    }

    private static uint NewSsrc()
    {
        Span<byte> bytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(bytes);
        uint ssrc = BitConverter.ToUInt32(bytes);
        return ssrc == 0 ? 1 : ssrc;
    }

    private RoomParticipant Get(string sessionId) =>
        sessionId is not null && _participants.TryGetValue(sessionId, out RoomParticipant? participant)
            ? participant
            : throw new RoomException($"Session '{sessionId}' is not in a room.");

    private IReadOnlyList<IPEndPoint> HostCandidates()
    {
        int port = _endpoint.Transport?.LocalEndPoint.Port ?? throw new RoomException("The WebRTC media socket is not bound.");
        IReadOnlyList<IPAddress> addresses = _options.AnnouncedAddresses.Count > 0 ? _options.AnnouncedAddresses : [IPAddress.Loopback];
        var candidates = new List<IPEndPoint>(addresses.Count);
        foreach (IPAddress address in addresses)
        {
            candidates.Add(new IPEndPoint(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, port));
        }

        return candidates;
    }

    private void OnIceSessionExpired(object? sender, IceSessionExpiredEventArgs e)
    {
        // Sessions with a peer are closed by the endpoint (and reported through the peer's Closed event);
        // this catches server offers the browser never answered or never connected.
        if (e.Session.Owner is not null)
        {
            return;
        }

        foreach (RoomParticipant participant in _participants.Values)
        {
            if (ReferenceEquals(participant.IceSession, e.Session))
            {
                End(participant, "ICE never connected: no connectivity check from the browser arrived", raise: true);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} joined {Kind} room {RoomId} as {Role}")]
    private static partial void LogJoined(ILogger logger, string sessionId, RoomKind kind, string roomId, RoomRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} ended: {Reason}")]
    private static partial void LogEnded(ILogger logger, string sessionId, string reason);
}
