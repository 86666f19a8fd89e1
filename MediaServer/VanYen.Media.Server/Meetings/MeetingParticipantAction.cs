namespace VanYen.Media.Server.Meetings;

/// <summary>What the chair does to one participant (<c>POST /api/meetings/{id}/participants/{pid}/{action}</c>).</summary>
public enum MeetingParticipantAction
{
    /// <summary>Lets a participant in from the lobby.</summary>
    Admit,

    /// <summary>Removes a participant (or refuses one in the lobby).</summary>
    Remove,

    /// <summary>Mutes a participant on the server: nobody hears it.</summary>
    Mute,

    /// <summary>Asks a muted participant to unmute (it then turns its microphone on itself).</summary>
    AskUnmute,

    /// <summary>Gives the participant the floor: unmuted, hand lowered, the previous holder loses it.</summary>
    GiveFloor,
}
