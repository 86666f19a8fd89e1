using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Signaling.Contracts;

namespace VanYen.Media.Signaling.Hubs;

/// <summary>
/// Tells a browser when the engine ends its session: forwards <see cref="IRoomService.SessionClosed"/>
/// to that session's connection as <see cref="MediaHub.SessionClosedMethod"/>.
/// </summary>
public sealed partial class SessionClosedNotifier(IRoomService rooms, IHubContext<MediaHub> hub, ILogger<SessionClosedNotifier> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        rooms.SessionClosed += OnSessionClosed;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        rooms.SessionClosed -= OnSessionClosed;
        return Task.CompletedTask;
    }

    private void OnSessionClosed(object? sender, RoomSessionClosedEventArgs closed)
    {
        // The engine raises the event on its own threads: never block them on the network.
        _ = NotifyAsync(closed.SessionId, closed.Reason);
    }

    private async Task NotifyAsync(string sessionId, string reason)
    {
        try
        {
            LogSessionClosed(logger, sessionId, reason);
            await hub.Clients.Client(sessionId).SendAsync(MediaHub.SessionClosedMethod, new SessionClosedMessage(reason));
        }
        catch (Exception failure)
        {
            LogNotifyFailed(logger, failure, sessionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} closed by the server: {Reason}")]
    private static partial void LogSessionClosed(ILogger logger, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell session {SessionId} that it was closed")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string sessionId);
}
