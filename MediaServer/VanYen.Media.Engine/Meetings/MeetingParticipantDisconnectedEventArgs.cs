namespace VanYen.Media.Engine.Meetings;

/// <summary>A participant's media ended on its side.</summary>
public sealed class MeetingParticipantDisconnectedEventArgs(string participantId, string reason) : EventArgs
{
    /// <summary>The participant.</summary>
    public string ParticipantId { get; } = participantId;

    /// <summary>Why, for logs and the chair.</summary>
    public string Reason { get; } = reason;
}
