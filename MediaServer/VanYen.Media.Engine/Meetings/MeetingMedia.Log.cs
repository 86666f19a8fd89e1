using Microsoft.Extensions.Logging;

namespace VanYen.Media.Engine.Meetings;

internal sealed partial class MeetingMedia
{
    private long _lastDropLogTimestamp;

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Meeting {MeetingId}: {ParticipantId} joined ({Transport})")]
    private static partial void LogJoined(ILogger logger, string meetingId, string participantId, string transport);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Meeting {MeetingId}: {ParticipantId} left ({Reason})")]
    private static partial void LogLeft(ILogger logger, string meetingId, string participantId, string reason);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Debug, Message = "Meeting {MeetingId}: packet from {ParticipantId} dropped ({Reason}; {Total} so far)")]
    private static partial void LogPacketDropped(ILogger logger, string meetingId, string participantId, string reason, long total);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Meeting {MeetingId}: an event handler threw")]
    private static partial void LogHandlerFailed(ILogger logger, string meetingId, Exception exception);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Meeting {MeetingId}: recording to {FilePath}")]
    private static partial void LogRecordingStarted(ILogger logger, string meetingId, string filePath);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Meeting {MeetingId}: recording stopped ({Duration}, {Bytes} bytes)")]
    private static partial void LogRecordingStopped(ILogger logger, string meetingId, TimeSpan duration, long bytes);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Meeting {MeetingId}: writing the recording failed; it stops here")]
    private static partial void LogRecordingFailed(ILogger logger, string meetingId, Exception exception);
}
