using VanYen.Media.Engine.Meetings;
using VanYen.Media.Signaling.Contracts.Meetings;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Meetings;

public sealed partial class MeetingService
{
    /// <summary>Pushes the meeting now: <c>ParticipantsChanged</c> to everyone admitted (the chairs with the lobby) and <c>LobbyChanged</c> to the chairs.</summary>
    private async Task PublishAsync(Meeting meeting)
    {
        Dictionary<string, MeetingParticipantMedia> media = MediaOf(meeting.Id);
        MeetingStateMessage forParticipants;
        MeetingStateMessage forChairs;
        List<string> participants = [];
        List<string> chairs = [];
        lock (meeting.Sync)
        {
            forParticipants = StateMessageOf(meeting, media, withLobby: false);
            forChairs = StateMessageOf(meeting, media, withLobby: true);
            foreach (MeetingParticipant participant in meeting.Participants)
            {
                if (participant.State == MeetingParticipantState.Admitted && participant.ConnectionId is string connection)
                {
                    (participant.Role == MeetingRole.Chair ? chairs : participants).Add(connection);
                }
            }
        }

        await _notifier.SendAsync(participants, MeetingHub.ParticipantsChangedMethod, forParticipants).ConfigureAwait(false);
        await _notifier.SendAsync(chairs, MeetingHub.ParticipantsChangedMethod, forChairs).ConfigureAwait(false);
        await _notifier.SendAsync(chairs, MeetingHub.LobbyChangedMethod, forChairs.Lobby).ConfigureAwait(false);
    }

    /// <summary>Calls a client method on one participant's connection, if it has one.</summary>
    private Task SendToAsync(string? connectionId, string method, params object?[] arguments) =>
        connectionId is null ? Task.CompletedTask : _notifier.SendAsync([connectionId], method, arguments);

    /// <summary>Calls a client method on every admitted participant's connection.</summary>
    private Task SendToAdmittedAsync(Meeting meeting, string method, params object?[] arguments)
    {
        List<string> connections = [];
        lock (meeting.Sync)
        {
            foreach (MeetingParticipant participant in meeting.Participants)
            {
                if (participant.State == MeetingParticipantState.Admitted && participant.ConnectionId is string connection)
                {
                    connections.Add(connection);
                }
            }
        }

        return _notifier.SendAsync(connections, method, arguments);
    }
}
