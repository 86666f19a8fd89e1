using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using VanYen.Media.Signaling.Contracts.Broadcast;

namespace VanYen.Media.Signaling.Hubs;

/// <summary>
/// The consoles' live state and live voice (mapped at <see cref="Path"/>): an announcer starts and stops speaking
/// live from the browser; a browser listens to a cluster; every connection of a logged-in user is told of each
/// change of a broadcast its scope may see (<see cref="BroadcastChangedMethod"/>). Refusals are
/// <see cref="HubException"/>s whose message starts with the status ("403 Forbidden: …", "404 Not Found: …").
/// </summary>
public sealed partial class BroadcastHub(IBroadcastConsole console, ILogger<BroadcastHub> logger) : Hub
{
    /// <summary>Where the host maps the hub.</summary>
    public const string Path = "/hubs/broadcast";

    /// <summary>The client method the server calls with a <see cref="BroadcastChangedMessage"/>.</summary>
    public const string BroadcastChangedMethod = "BroadcastChanged";

    /// <summary>The client method the server calls every few seconds with a <see cref="ReceiverStatusMessage"/> (receivers in the user's scope).</summary>
    public const string ReceiverStatusMethod = "ReceiverStatus";

    /// <summary>The query parameter a speaker page (no login) passes its Browser receiver's secret in.</summary>
    public const string ReceiverTokenQueryParameter = "receiverToken";

    /// <summary>
    /// Starts a live broadcast from the browser's microphone (its offer) as the logged-in user, at the request's level:
    /// an <c>emergency</c> follows the emergency bulletin's rules (chime first, over everything in its scope, the
    /// banner); an unknown level is refused with 400.
    /// </summary>
    [Authorize]
    public Task<StartLiveResponse> StartLive(StartLiveRequest request)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.OfferSdp))
        {
            throw new HubException("400 Bad Request: StartLive needs a title, target clusters or areas, and the browser's SDP offer.");
        }

        return CallAsync(nameof(StartLive), () => console.StartLiveAsync(Context.User!, Context.ConnectionId, request, Context.ConnectionAborted));
    }

    /// <summary>Stops the caller's live broadcast.</summary>
    [Authorize]
    public Task StopLive(string broadcastId) => CallAsync(nameof(StopLive), async () =>
    {
        await console.StopLiveAsync(Context.User!, Context.ConnectionId, broadcastId, Context.ConnectionAborted);
        return true;
    });

    /// <summary>
    /// Listens to a cluster's program over WebRTC: a logged-in user who may view the cluster, or (not logged in) a
    /// speaker page connected with <c>?receiverToken=</c> the secret of a Browser receiver of that cluster.
    /// </summary>
    public Task<ListenResponse> Listen(long clusterId, string offerSdp)
    {
        if (string.IsNullOrWhiteSpace(offerSdp))
        {
            throw new HubException("400 Bad Request: Listen needs the browser's SDP offer.");
        }

        string? token = Context.GetHttpContext()?.Request.Query[ReceiverTokenQueryParameter].ToString();
        return CallAsync(nameof(Listen), () => console.ListenAsync(Context.User!, string.IsNullOrEmpty(token) ? null : token, Context.ConnectionId, clusterId, offerSdp, Context.ConnectionAborted));
    }

    /// <summary>
    /// A speaker page's health report, every few seconds: only on a connection opened with <c>?receiverToken=</c> the
    /// secret of a Browser receiver (any other connection, such as a logged-in user's, is refused with 403).
    /// </summary>
    public Task SpeakerHeartbeat(SpeakerHeartbeat report)
    {
        if (report is null)
        {
            throw new HubException("400 Bad Request: SpeakerHeartbeat needs a report (playingBroadcastId, packetsReceived, packetsLost, jitterMilliseconds).");
        }

        return CallAsync(nameof(SpeakerHeartbeat), async () =>
        {
            await console.SpeakerHeartbeatAsync(Context.ConnectionId, report, Context.ConnectionAborted);
            return true;
        });
    }

    /// <summary>Ends one of this connection's sessions (a listening browser, or a live microphone).</summary>
    public Task Leave(string sessionId) => CallAsync(nameof(Leave), async () =>
    {
        await console.LeaveAsync(Context.ConnectionId, sessionId);
        return true;
    });

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        if (Context.User?.Identity?.IsAuthenticated == true)
        {
            foreach (string group in await console.GetGroupsAsync(Context.User, Context.ConnectionAborted))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
            }
        }

        // Also when the browser sends a user's cookie too (someone logged in opens /speaker in the same browser): the
        // token says this page is a receiver. A wrong token still connects: Listen then says why it is refused.
        if (Context.GetHttpContext()?.Request.Query[ReceiverTokenQueryParameter].ToString() is { Length: > 0 } token)
        {
            try
            {
                await console.SpeakerConnectedAsync(token, Context.ConnectionId, Context.Abort, Context.ConnectionAborted);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogSpeakerRegistrationFailed(logger, failure, Context.ConnectionId);
            }
        }

        await base.OnConnectedAsync();
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        try
        {
            await console.DisconnectedAsync(Context.ConnectionId);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogDisconnectFailed(logger, failure, Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private Task<T> CallAsync<T>(string method, Func<Task<T>> call) => HubMethodCalls.InvokeAsync(Context, logger, method, call);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering speaker connection {ConnectionId} as its receiver's failed")]
    private static partial void LogSpeakerRegistrationFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ending the sessions of disconnected connection {ConnectionId} failed")]
    private static partial void LogDisconnectFailed(ILogger logger, Exception exception, string connectionId);
}
