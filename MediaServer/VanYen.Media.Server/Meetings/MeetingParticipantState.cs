namespace VanYen.Media.Server.Meetings;

/// <summary>Where a participant stands.</summary>
public enum MeetingParticipantState
{
    /// <summary>Waits in the lobby for the chair.</summary>
    Lobby,

    /// <summary>In the meeting.</summary>
    Admitted,

    /// <summary>Removed by the chair (or refused in the lobby), or left.</summary>
    Removed,
}
