using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VanYen.Media.Signaling.Contracts.Broadcast;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Signaling.Hosting;

/// <summary>Pushes <see cref="IBroadcastConsole.Changed"/> to the consoles' groups as <see cref="BroadcastHub.BroadcastChangedMethod"/>.</summary>
public sealed partial class BroadcastChangeNotifier(IBroadcastConsole console, IHubContext<BroadcastHub> hub, ILogger<BroadcastChangeNotifier> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        console.Changed += OnChanged;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        console.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(object? sender, BroadcastConsoleChange change) => _ = PushAsync(change);

    private async Task PushAsync(BroadcastConsoleChange change)
    {
        try
        {
            if (change.Groups.Count > 0)
            {
                await hub.Clients.Groups(change.Groups).SendAsync(BroadcastHub.BroadcastChangedMethod, change.Message);
            }
        }
        catch (Exception failure)
        {
            LogPushFailed(logger, failure, change.Message.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the change of broadcast {BroadcastId} to the consoles failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string broadcastId);
}
