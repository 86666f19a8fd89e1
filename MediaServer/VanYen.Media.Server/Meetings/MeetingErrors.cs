namespace VanYen.Media.Server.Meetings;

/// <summary>Reason codes of meeting refusals (the <c>reason</c> of the problem details and of hub errors).</summary>
public static class MeetingErrors
{
    public const string MeetingNotFound = "meeting-not-found";
    public const string ParticipantNotFound = "participant-not-found";
    public const string NotChair = "not-chair";
    public const string InvalidToken = "invalid-token";
    public const string InvalidRejoinKey = "invalid-rejoin-key";
    public const string InvalidTitle = "invalid-title";
    public const string InvalidDisplayName = "invalid-display-name";
    public const string MeetingLocked = "meeting-locked";
    public const string MeetingEnded = "meeting-ended";
    public const string NotAdmitted = "not-admitted";
    public const string ParticipantRemoved = "participant-removed";
    public const string NotInMeeting = "not-in-meeting";
    public const string MutedByChair = "muted-by-chair";
    public const string CannotActOnChair = "cannot-act-on-chair";
    public const string AlreadyRecording = "already-recording";
    public const string NotRecording = "not-recording";
    public const string RecordingNotFound = "recording-not-found";
    public const string AlreadyBroadcasting = "already-broadcasting";
    public const string NotBroadcasting = "not-broadcasting";
    public const string BroadcastUnavailable = "broadcast-unavailable";
    public const string InvalidRtpParticipant = "invalid-rtp-participant";
    public const string MediaRefused = "media-refused";
    public const string MediaUnavailable = "media-unavailable";
    public const string UnknownAction = "unknown-action";
}
