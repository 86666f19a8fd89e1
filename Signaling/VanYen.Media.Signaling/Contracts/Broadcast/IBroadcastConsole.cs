using System.Security.Claims;

namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>
/// What the broadcast hub asks of the server (which owns broadcasts, users, clusters and receivers; the signaling
/// layer cannot reference it). Refusals throw <see cref="BroadcastConsoleException"/>.
/// </summary>
public interface IBroadcastConsole
{
    /// <summary>Raised for every broadcast change, with the groups to push it to.</summary>
    event EventHandler<BroadcastConsoleChange>? Changed;

    /// <summary>The group whose members see broadcasts on clusters in <paramref name="scopeAreaId"/>'s subtree.</summary>
    string GroupOf(long scopeAreaId);

    /// <summary>The groups a console connection of <paramref name="caller"/> joins (empty when not logged in).</summary>
    Task<IReadOnlyList<string>> GetGroupsAsync(ClaimsPrincipal caller, CancellationToken cancellationToken);

    /// <summary>Opens the microphone session for the browser's offer and puts it on air as <paramref name="caller"/>.</summary>
    Task<StartLiveResponse> StartLiveAsync(ClaimsPrincipal caller, string connectionId, StartLiveRequest request, CancellationToken cancellationToken);

    /// <summary>Ends the caller's live broadcast (its microphone session closes).</summary>
    Task StopLiveAsync(ClaimsPrincipal caller, string connectionId, string broadcastId, CancellationToken cancellationToken);

    /// <summary>
    /// A browser listens to a cluster's program: a logged-in user who may view the cluster, or anyone holding the
    /// secret of a Browser receiver of that cluster (<paramref name="receiverToken"/>).
    /// </summary>
    Task<ListenResponse> ListenAsync(ClaimsPrincipal caller, string? receiverToken, string connectionId, long clusterId, string offerSdp, CancellationToken cancellationToken);

    /// <summary>Ends one of this connection's sessions (live or listening); unknown ids are ignored.</summary>
    Task LeaveAsync(string connectionId, string sessionId);

    /// <summary>Ends every session of a connection that went away (a live broadcast ends with its microphone); a speaker page's receiver loses this connection.</summary>
    Task DisconnectedAsync(string connectionId);

    /// <summary>
    /// A connection opened with <c>?receiverToken=</c>: when the token is the secret of a Browser receiver, the
    /// connection counts as that receiver's (online, like a device's control connection) until it closes.
    /// </summary>
    /// <param name="receiverToken">What the page passed as <c>?receiverToken=</c>.</param>
    /// <param name="connectionId">The hub connection.</param>
    /// <param name="abort">Closes the connection (the receiver was deleted or its secret replaced).</param>
    /// <param name="cancellationToken">The connection's abort token.</param>
    /// <returns>The receiver's id, or null when the token is not a Browser receiver's secret (nothing is registered).</returns>
    Task<long?> SpeakerConnectedAsync(string receiverToken, string connectionId, Action abort, CancellationToken cancellationToken);

    /// <summary>
    /// A speaker page's report (what it plays, its loss and jitter) on a connection registered by
    /// <see cref="SpeakerConnectedAsync"/>; refused (403) for any other connection, 400 for values that are not measurements.
    /// </summary>
    Task SpeakerHeartbeatAsync(string connectionId, SpeakerHeartbeat report, CancellationToken cancellationToken);
}
