using Microsoft.AspNetCore.SignalR;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Meetings;

/// <summary>The <see cref="IMeetingNotifier"/> of the host: the <see cref="MeetingHub"/>'s connections.</summary>
public sealed partial class MeetingHubNotifier(IHubContext<MeetingHub> hub, ILogger<MeetingHubNotifier> logger) : IMeetingNotifier
{
    /// <inheritdoc />
    public async Task SendAsync(IReadOnlyList<string> connectionIds, string method, params object?[] arguments)
    {
        if (connectionIds.Count == 0)
        {
            return;
        }

        try
        {
            await hub.Clients.Clients(connectionIds).SendCoreAsync(method, arguments).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            LogPushFailed(logger, failure, method);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing {Method} to meeting connections failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string method);
}
