using System.Security.Claims;

namespace VanYen.Media.Signaling.Contracts.Meetings;

/// <summary>
/// The server's side of <see cref="Hubs.MeetingHub"/>: joins through the lobby, the media of admitted participants,
/// raised hands and microphones. Refusals are <see cref="MeetingRefusedException"/>s; the server pushes the changes
/// itself (the hub's client methods).
/// </summary>
public interface IMeetingConductor
{
    /// <summary>
    /// Joins (or rejoins, with <see cref="JoinMeetingRequest.ParticipantId"/> and its rejoin key) a meeting: the
    /// chair and holders of an admit-directly token are admitted, the others wait in the lobby.
    /// </summary>
    Task<JoinMeetingResponse> JoinAsync(ClaimsPrincipal? caller, string connectionId, JoinMeetingRequest request, CancellationToken cancellationToken);

    /// <summary>The admitted participant of <paramref name="connectionId"/> starts (or restarts) its audio; returns the SDP answer.</summary>
    Task<string> StartMediaAsync(string connectionId, string offerSdp, CancellationToken cancellationToken);

    /// <summary>Raises or lowers the participant's hand (the chair sees the queue in order).</summary>
    Task SetHandAsync(string connectionId, bool raised);

    /// <summary>The participant turns its microphone on or off; turning it on while muted by the chair needs the chair's "ask to unmute".</summary>
    Task SetMicrophoneAsync(string connectionId, bool on);

    /// <summary>The participant leaves the meeting for good.</summary>
    Task LeaveAsync(string connectionId);

    /// <summary>The hub connection dropped: the participant keeps its place (and admission) to rejoin.</summary>
    Task DisconnectedAsync(string connectionId);
}
