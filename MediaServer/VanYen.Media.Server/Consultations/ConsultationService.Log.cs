namespace VanYen.Media.Server.Consultations;

/// <summary>Log messages (no names or tokens: a consultation is private).</summary>
public sealed partial class ConsultationService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation {ConsultationId} opened by {Username}")]
    private static partial void LogOpened(ILogger logger, string consultationId, string username);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation {ConsultationId}: {ParticipantId} joined ({State})")]
    private static partial void LogJoined(ILogger logger, string consultationId, string participantId, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation {ConsultationId}: {ParticipantId} admitted")]
    private static partial void LogAdmitted(ILogger logger, string consultationId, string participantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation {ConsultationId}: {ParticipantId} started media")]
    private static partial void LogMediaStarted(ILogger logger, string consultationId, string participantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation {ConsultationId}: {ParticipantId}'s media ended ({Reason})")]
    private static partial void LogMediaEnded(ILogger logger, string consultationId, string participantId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation {ConsultationId}: {ParticipantId} hung up")]
    private static partial void LogLeft(ILogger logger, string consultationId, string participantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation {ConsultationId}: {ParticipantId}'s page disconnected")]
    private static partial void LogDropped(ILogger logger, string consultationId, string participantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation {ConsultationId} ended ({Reason})")]
    private static partial void LogEnded(ILogger logger, string consultationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the media room of consultation {ConsultationId} failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception, string consultationId);
}
