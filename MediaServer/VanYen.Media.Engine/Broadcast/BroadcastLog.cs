using Microsoft.Extensions.Logging;

namespace VanYen.Media.Engine.Broadcast;

/// <summary>The broadcast engine's log messages.</summary>
internal static partial class BroadcastLog
{
    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Program {ProgramId} \"{Title}\" started, priority {Priority}, {ClusterCount} clusters")]
    public static partial void ProgramStarted(ILogger logger, string programId, string title, ProgramPriority priority, int clusterCount);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Program {ProgramId} ended: {Reason}")]
    public static partial void ProgramEnded(ILogger logger, string programId, ProgramEndReason reason);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "The source of program {ProgramId} failed; the program ends, the others play on")]
    public static partial void SourceFailed(ILogger logger, Exception? exception, string programId);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Disposing a source of program {ProgramId} failed")]
    public static partial void SourceDisposeFailed(ILogger logger, Exception exception, string programId);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Error, Message = "A handler of the broadcast engine's Changed event threw")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception);
}
