namespace VanYen.Media.Signaling.Contracts.Meetings;

/// <summary>A meeting now, pushed as <c>ParticipantsChanged</c> to everyone admitted.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Title">Its title.</param>
/// <param name="State"><c>open</c> or <c>ended</c>.</param>
/// <param name="Locked">New joiners are refused.</param>
/// <param name="Recording">The mix is being recorded (everyone sees an indicator).</param>
/// <param name="Broadcasting">The mix goes live to loudspeaker clusters.</param>
/// <param name="Participants">The admitted participants (the chair first), with hands, mutes and talking.</param>
/// <param name="Lobby">Who waits in the lobby (sent to the chair only; empty for others).</param>
public sealed record MeetingStateMessage(
    string MeetingId,
    string Title,
    string State,
    bool Locked,
    bool Recording,
    bool Broadcasting,
    IReadOnlyList<MeetingParticipantMessage> Participants,
    IReadOnlyList<MeetingParticipantMessage> Lobby);
