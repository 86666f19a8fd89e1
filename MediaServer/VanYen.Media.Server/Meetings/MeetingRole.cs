namespace VanYen.Media.Server.Meetings;

/// <summary>What a participant may do in a meeting.</summary>
public enum MeetingRole
{
    /// <summary>An ordinary participant.</summary>
    Participant,

    /// <summary>The chair (chủ trì): admits, mutes, removes, records, ends.</summary>
    Chair,
}
