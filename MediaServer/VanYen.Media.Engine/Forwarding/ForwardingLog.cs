using Microsoft.Extensions.Logging;

namespace VanYen.Media.Engine.Forwarding;

/// <summary>The SFU's log lines.</summary>
internal static partial class ForwardingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Call {RoomId}: {ParticipantId} joined ({Count} in the call)")]
    public static partial void Joined(ILogger logger, string roomId, string participantId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {RoomId}: {ParticipantId} left: {Reason}")]
    public static partial void Left(ILogger logger, string roomId, string participantId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {RoomId}: dropped {Count} packets since the last report, the latest from {ParticipantId}: {Reason}")]
    public static partial void PacketsDropped(ILogger logger, string roomId, long count, string participantId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {RoomId}: a slots-changed handler failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string roomId);
}
