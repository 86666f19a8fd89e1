using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.WebRtc;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Live;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;
using VanYen.Media.Signaling.Contracts.Broadcast;

namespace VanYen.Media.Server.Consoles;

/// <summary>
/// The broadcast hub's view of the server: live microphones become <see cref="WebRtcLiveSource"/>s put on air by
/// <see cref="IBroadcastService.StartLiveAsync"/> as the caller; listening browsers attach a
/// <see cref="WebRtcClusterListener"/> to their cluster's channel; broadcast changes go to the groups of every
/// scope that contains one of the broadcast's clusters.
/// </summary>
public sealed partial class BroadcastConsole : IBroadcastConsole, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly IBroadcastService? _broadcasts;
    private readonly IBroadcastEngine _engine;
    private readonly RoomService _rooms;
    private readonly IUserRepository _users;
    private readonly IAreaRepository _areas;
    private readonly IClusterRepository _clusters;
    private readonly IReceiverRepository _receivers;
    private readonly TimeProvider _time;
    private readonly ILogger<BroadcastConsole> _logger;
    private readonly ConcurrentDictionary<string, ConsoleSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Creates the console and starts following broadcast changes and session ends.</summary>
    public BroadcastConsole(IServiceProvider services, IBroadcastEngine engine, RoomService rooms, IUserRepository users, IAreaRepository areas, IClusterRepository clusters, IReceiverRepository receivers, TimeProvider time, ILogger<BroadcastConsole> logger)
    {
        // Optional so the streams and the hub start on a server built without broadcasting: live voice then says why.
        _services = services;
        _broadcasts = services.GetService<IBroadcastService>();
        _engine = engine;
        _rooms = rooms;
        _users = users;
        _areas = areas;
        _clusters = clusters;
        _receivers = receivers;
        _time = time;
        _logger = logger;
        if (_broadcasts is not null)
        {
            _broadcasts.Changed += OnBroadcastChanged;
        }

        _rooms.SessionClosed += OnSessionClosed;
    }

    /// <inheritdoc/>
    public event EventHandler<BroadcastConsoleChange>? Changed;

    /// <inheritdoc/>
    public string GroupOf(long scopeAreaId) => "area-" + scopeAreaId.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> GetGroupsAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        User? user = await FindUserAsync(caller, cancellationToken);
        return user is null ? [] : [GroupOf(user.ScopeAreaId)];
    }

    /// <inheritdoc/>
    public async Task<StartLiveResponse> StartLiveAsync(ClaimsPrincipal caller, string connectionId, StartLiveRequest request, CancellationToken cancellationToken)
    {
        User user = await RequireUserAsync(caller, cancellationToken);
        BroadcastLevel level = ParseLevel(request.Level);
        IBroadcastService broadcasts = Broadcasts();
        string sessionId = "live-" + Guid.NewGuid().ToString("N");
        DirectSession session = await OpenAsync(sessionId, request.OfferSdp, serverReceives: true, cancellationToken);
        var source = new WebRtcLiveSource((level == BroadcastLevel.Emergency ? "live emergency: " : "live: ") + user.DisplayName, session.OpusPayloadType);
        IAudioSource onAir = source;
        if (level == BroadcastLevel.Emergency)
        {
            // An emergency chimes first: its voice is listened to from the end of the chime, not queued behind it.
            var gated = new ChimeGatedLiveSource(source);
            gated.Connect(session.Peer);
            onAir = gated;
        }
        else
        {
            source.Connect(session.Peer);
        }

        BroadcastView view;
        try
        {
            view = await broadcasts.StartLiveAsync(user, request.Title ?? string.Empty, request.ClusterIds ?? [], request.AreaIds ?? [], level, onAir, cancellationToken);
        }
        catch (Exception failure)
        {
            await _rooms.LeaveAsync(sessionId);
            await onAir.DisposeAsync();
            throw failure is DomainException domain ? Refusal(domain) : failure;
        }

        _sessions[sessionId] = new ConsoleSession(sessionId, connectionId, source, view.Id, attachment: null);
        if (session.Peer.IsClosed)
        {
            Release(sessionId);
        }

        LogLiveStarted(_logger, view.Id, user.Username, level, sessionId);
        return new StartLiveResponse(view.Id, sessionId, session.AnswerSdp);
    }

    /// <inheritdoc/>
    public async Task StopLiveAsync(ClaimsPrincipal caller, string connectionId, string broadcastId, CancellationToken cancellationToken)
    {
        User user = await RequireUserAsync(caller, cancellationToken);
        try
        {
            await Broadcasts().CancelAsync(user, broadcastId, null, cancellationToken);
        }
        catch (DomainException domain)
        {
            throw Refusal(domain);
        }

        foreach (ConsoleSession session in _sessions.Values)
        {
            if (string.Equals(session.BroadcastId, broadcastId, StringComparison.Ordinal))
            {
                await LeaveSessionAsync(session.SessionId);
            }
        }
    }

    /// <inheritdoc/>
    public async Task<ListenResponse> ListenAsync(ClaimsPrincipal caller, string? receiverToken, string connectionId, long clusterId, string offerSdp, CancellationToken cancellationToken)
    {
        Cluster cluster = await _clusters.GetAsync(clusterId, cancellationToken)
            ?? throw new BroadcastConsoleException(404, $"There is no cluster {clusterId}.");
        User? user = await FindUserAsync(caller, cancellationToken);
        if (user is not null)
        {
            var policy = new ScopePolicy(await _areas.GetTreeAsync(cancellationToken));
            if (!policy.CanView(user, cluster.AreaId))
            {
                throw new BroadcastConsoleException(403, $"Cluster '{cluster.Name}' is outside your scope.");
            }
        }
        else
        {
            await RequireBrowserReceiverAsync(receiverToken, clusterId, cancellationToken);
        }

        string sessionId = "listen-" + Guid.NewGuid().ToString("N");
        DirectSession session = await OpenAsync(sessionId, offerSdp, serverReceives: false, cancellationToken);
        IDisposable attachment = _engine.GetChannel(clusterId).Attach(new WebRtcClusterListener(session.Peer, session.OpusPayloadType));
        _sessions[sessionId] = new ConsoleSession(sessionId, connectionId, liveSource: null, broadcastId: null, attachment);
        if (session.Peer.IsClosed)
        {
            Release(sessionId);
        }

        return new ListenResponse(sessionId, session.AnswerSdp);
    }

    /// <inheritdoc/>
    public Task LeaveAsync(string connectionId, string sessionId)
    {
        if (sessionId is not null && _sessions.TryGetValue(sessionId, out ConsoleSession? session) && session.ConnectionId == connectionId)
        {
            return LeaveSessionAsync(sessionId);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task DisconnectedAsync(string connectionId)
    {
        ForgetSpeaker(connectionId);
        foreach (ConsoleSession session in _sessions.Values)
        {
            if (session.ConnectionId == connectionId)
            {
                await LeaveSessionAsync(session.SessionId);
            }
        }
    }

    /// <summary>Stops following changes and ends every session.</summary>
    public void Dispose()
    {
        if (_broadcasts is not null)
        {
            _broadcasts.Changed -= OnBroadcastChanged;
        }

        _rooms.SessionClosed -= OnSessionClosed;
        foreach (string sessionId in _sessions.Keys)
        {
            Release(sessionId);
        }
    }

    /// <summary>The <see cref="StartLiveRequest.Level"/> as a broadcast level: null or empty is normal; anything unknown is a 400.</summary>
    private static BroadcastLevel ParseLevel(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        null or "" or StartLiveRequest.NormalLevel => BroadcastLevel.Normal,
        StartLiveRequest.PriorityLevel => BroadcastLevel.Priority,
        StartLiveRequest.EmergencyLevel => BroadcastLevel.Emergency,
        _ => throw new BroadcastConsoleException(
            400,
            $"Unknown live level '{level}': use {StartLiveRequest.NormalLevel}, {StartLiveRequest.PriorityLevel} or {StartLiveRequest.EmergencyLevel}."),
    };

    private static BroadcastConsoleException Refusal(DomainException domain) => domain switch
    {
        DomainNotFoundException => new BroadcastConsoleException(404, domain.Message, domain),
        DomainForbiddenException => new BroadcastConsoleException(403, domain.Message, domain),
        DomainConflictException => new BroadcastConsoleException(409, domain.Message, domain),
        _ => new BroadcastConsoleException(400, domain.Message, domain),
    };

    private IBroadcastService Broadcasts() =>
        _broadcasts ?? throw new BroadcastConsoleException(503, "Broadcasting is not available on this server.");

    private async Task<DirectSession> OpenAsync(string sessionId, string offerSdp, bool serverReceives, CancellationToken cancellationToken)
    {
        try
        {
            return await _rooms.OpenDirectSessionAsync(sessionId, offerSdp, serverReceives, cancellationToken);
        }
        catch (RoomException refused)
        {
            throw new BroadcastConsoleException(400, refused.Message, refused);
        }
    }

    private async Task LeaveSessionAsync(string sessionId)
    {
        Release(sessionId);
        await _rooms.LeaveAsync(sessionId);
    }

    private void Release(string sessionId)
    {
        if (_sessions.TryRemove(sessionId, out ConsoleSession? session))
        {
            session.Release();
        }
    }

    private void OnSessionClosed(object? sender, RoomSessionClosedEventArgs e) => Release(e.SessionId);

    private async Task<User?> FindUserAsync(ClaimsPrincipal? caller, CancellationToken cancellationToken)
    {
        string? id = caller?.Identity?.IsAuthenticated == true ? caller.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return id is not null && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long userId)
            ? await _users.GetAsync(userId, cancellationToken)
            : null;
    }

    private async Task<User> RequireUserAsync(ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        await FindUserAsync(caller, cancellationToken) ?? throw new BroadcastConsoleException(401, "Log in first.");

    private async Task RequireBrowserReceiverAsync(string? token, long clusterId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new BroadcastConsoleException(401, "Log in, or connect with ?receiverToken= the secret of a Browser receiver of this cluster.");
        }

        Receiver? receiver = await _receivers.FindBySecretHashAsync(DeviceSecret.Hash(token), cancellationToken);
        if (receiver is null || !DeviceSecret.Verify(token, receiver.SecretHash))
        {
            throw new BroadcastConsoleException(401, "The receiver token is not the secret of any receiver.");
        }

        if (receiver.ClusterId != clusterId || receiver.Kind != ReceiverKind.Browser)
        {
            throw new BroadcastConsoleException(403, $"Receiver '{receiver.Name}' is not a Browser receiver of cluster {clusterId}.");
        }

        await _receivers.MarkSeenAsync(receiver.Id, _time.GetUtcNow(), cancellationToken);
    }
}
