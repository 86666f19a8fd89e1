using Microsoft.Extensions.Logging;

namespace VanYen.Media.Relay.Sources;

internal static partial class RelayLog
{
    [LoggerMessage(EventId = 7000, Message = "Relay {Description}: {Kind} {Url}: {Reason}")]
    public static partial void Transition(ILogger logger, LogLevel level, string description, RelayTransitionKind kind, string url, string reason);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Relay {Description}: a transition handler threw")]
    public static partial void HandlerFailed(ILogger logger, string description, Exception exception);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Relay {Description}: the fallback source failed")]
    public static partial void FallbackFailed(ILogger logger, string description, Exception exception);
}
