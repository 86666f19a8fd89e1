using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VanYen.Media.Signaling.Contracts.Consultations;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Signaling.Hosting;

/// <summary>Sends <see cref="IConsultationCalls.Pushed"/> messages to their connections on the <see cref="ConsultHub"/>.</summary>
public sealed partial class ConsultationPushNotifier(IConsultationCalls calls, IHubContext<ConsultHub> hub, ILogger<ConsultationPushNotifier> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        calls.Pushed += OnPushed;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        calls.Pushed -= OnPushed;
        return Task.CompletedTask;
    }

    private void OnPushed(object? sender, ConsultationPush push) => _ = SendAsync(push);

    private async Task SendAsync(ConsultationPush push)
    {
        try
        {
            if (push.ConnectionIds.Count > 0)
            {
                await hub.Clients.Clients(push.ConnectionIds).SendAsync(push.Method, push.Message);
            }
        }
        catch (Exception failure)
        {
            LogPushFailed(logger, failure, push.Method);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing {Method} to consultation connections failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string method);
}
