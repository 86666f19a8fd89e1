namespace VanYen.Media.Server.Meetings;

/// <summary>
/// The audit actions of meetings (in the audit log's dotted style): what a chair did that someone may later have to
/// account for. Sending the mix to loudspeakers is audited by the broadcast service as any broadcast.
/// </summary>
public static class MeetingAuditActions
{
    /// <summary>A chair created a meeting.</summary>
    public const string Created = "meeting.created";

    /// <summary>The chair locked the meeting (new joiners refused).</summary>
    public const string Locked = "meeting.locked";

    /// <summary>The chair unlocked the meeting.</summary>
    public const string Unlocked = "meeting.unlocked";

    /// <summary>The chair removed a participant (details: participant id and name).</summary>
    public const string ParticipantRemoved = "meeting.participant-removed";

    /// <summary>The chair joined a plain-RTP participant (details: name and address).</summary>
    public const string RtpParticipantAdded = "meeting.rtp-participant-added";

    /// <summary>The chair started recording the mix (details: file).</summary>
    public const string RecordingStarted = "meeting.recording-started";

    /// <summary>The chair stopped the recording (details: file and size).</summary>
    public const string RecordingStopped = "meeting.recording-stopped";

    /// <summary>The chair ended the meeting.</summary>
    public const string Ended = "meeting.ended";
}
