using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using VanYen.Media.Signaling.Contracts;

namespace VanYen.Media.Signaling.Hubs;

/// <summary>
/// How every hub method reports failure: a <see cref="HubRefusalException"/> becomes a <see cref="HubException"/>
/// ("409 Conflict (meeting-locked): …", the only exception text SignalR shows a client), a cancelled call of a closed
/// connection goes quietly, and anything else is logged and answered with a sentence that points at the log.
/// </summary>
public static partial class HubMethodCalls
{
    /// <summary>Runs <paramref name="call"/> for hub method <paramref name="method"/> of the caller's connection.</summary>
    public static async Task<T> InvokeAsync<T>(HubCallerContext context, ILogger logger, string method, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HubRefusalException refused)
        {
            throw new HubException(RefusalText(refused), refused);
        }
        catch (OperationCanceledException) when (context.ConnectionAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception failure)
        {
            LogMethodFailed(logger, failure, method, context.ConnectionId);
            throw new HubException($"The server failed to handle {method}; the error is in its log.", failure);
        }
    }

    /// <summary>The text of a refusal: the status, the reason code when there is one, the sentence ("403 Forbidden (not-chair): …").</summary>
    public static string RefusalText(HubRefusalException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        string status = refused.StatusCode switch
        {
            401 => "401 Unauthorized",
            403 => "403 Forbidden",
            404 => "404 Not Found",
            409 => "409 Conflict",
            503 => "503 Service Unavailable",
            _ => "400 Bad Request",
        };
        return refused.Reason is null ? status + ": " + refused.Message : status + " (" + refused.Reason + "): " + refused.Message;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed for connection {ConnectionId}")]
    private static partial void LogMethodFailed(ILogger logger, Exception exception, string method, string connectionId);
}
