using VanYen.Media.Signaling.Contracts.Meetings;

namespace VanYen.Media.Server.Meetings;

/// <summary>A meeting as its chair sees it.</summary>
/// <param name="Id">The id.</param>
/// <param name="Title">The title.</param>
/// <param name="State"><c>open</c> or <c>ended</c>.</param>
/// <param name="Locked">New joiners are refused.</param>
/// <param name="Recording">The mix is being recorded.</param>
/// <param name="BroadcastId">The live broadcast carrying the mix to loudspeakers, or null.</param>
/// <param name="Created">When it was created.</param>
/// <param name="ChairName">The chair's name.</param>
/// <param name="Participants">Admitted participants.</param>
/// <param name="Lobby">Participants waiting in the lobby.</param>
public sealed record MeetingView(
    string Id,
    string Title,
    string State,
    bool Locked,
    bool Recording,
    string? BroadcastId,
    DateTimeOffset Created,
    string ChairName,
    IReadOnlyList<MeetingParticipantMessage> Participants,
    IReadOnlyList<MeetingParticipantMessage> Lobby);
