namespace VanYen.Media.Server.Meetings;

/// <summary>A meeting's life.</summary>
public enum MeetingState
{
    /// <summary>Open: people join.</summary>
    Open,

    /// <summary>Ended by the chair: every join is refused.</summary>
    Ended,
}
