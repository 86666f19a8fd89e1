using VanYen.Media.Engine.Meetings;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Meetings;

public sealed partial class MeetingService
{
    /// <summary>A new join link; <see cref="JoinTokenRequest.AdmitDirectly"/> skips the lobby.</summary>
    public JoinTokenCreated CreateJoinToken(User caller, string meetingId, JoinTokenRequest? request)
    {
        Meeting meeting = RequireOpenChair(caller, meetingId);
        string token = MeetingSecrets.NewToken();
        bool admitDirectly = request?.AdmitDirectly ?? false;
        lock (meeting.Sync)
        {
            meeting.AddJoinToken(token, admitDirectly);
        }

        return new JoinTokenCreated(token, LinkOf(meeting.Id, token), admitDirectly);
    }

    /// <summary>Locks (new joiners are refused) or unlocks the meeting.</summary>
    public async Task<MeetingView> SetLockedAsync(User caller, string meetingId, bool locked)
    {
        Meeting meeting = RequireOpenChair(caller, meetingId);
        lock (meeting.Sync)
        {
            meeting.Locked = locked;
        }

        await AuditAsync(caller, locked ? MeetingAuditActions.Locked : MeetingAuditActions.Unlocked, meeting).ConfigureAwait(false);
        await PublishAsync(meeting).ConfigureAwait(false);
        return ViewOf(meeting);
    }

    /// <summary>Admits, removes, mutes, asks to unmute or gives the floor to one participant.</summary>
    public async Task<MeetingView> ActAsync(User caller, string meetingId, string participantId, MeetingParticipantAction action)
    {
        Meeting meeting = RequireOpenChair(caller, meetingId);
        string? connection;
        bool? muteOnBridge = null;
        bool leaveBridge = false;
        string participantName;
        lock (meeting.Sync)
        {
            MeetingParticipant participant = meeting.Find(participantId) is { State: not MeetingParticipantState.Removed } found
                ? found
                : throw new DomainNotFoundException(MeetingErrors.ParticipantNotFound, $"Meeting '{meetingId}' has no participant '{participantId}'.");
            if (participant.Role == MeetingRole.Chair && action is MeetingParticipantAction.Remove or MeetingParticipantAction.Mute)
            {
                throw new DomainConflictException(MeetingErrors.CannotActOnChair, "The chair cannot be muted or removed.");
            }

            if (action != MeetingParticipantAction.Admit && action != MeetingParticipantAction.Remove && participant.State != MeetingParticipantState.Admitted)
            {
                throw new DomainConflictException(MeetingErrors.NotAdmitted, $"{participant.DisplayName} waits in the lobby: admit them first.");
            }

            connection = participant.ConnectionId;
            participantName = participant.DisplayName;
            switch (action)
            {
                case MeetingParticipantAction.Admit:
                    participant.State = MeetingParticipantState.Admitted;
                    break;
                case MeetingParticipantAction.Remove:
                    participant.State = MeetingParticipantState.Removed;
                    participant.ConnectionId = null;
                    participant.HandRaisedOrder = null;
                    participant.HasFloor = false;
                    leaveBridge = participant.MediaStarted;
                    participant.MediaStarted = false;
                    break;
                case MeetingParticipantAction.Mute:
                    participant.MutedByChair = true;
                    participant.AskedToUnmute = false;
                    participant.HasFloor = false;
                    muteOnBridge = true;
                    break;
                case MeetingParticipantAction.AskUnmute:
                    participant.AskedToUnmute = true;
                    break;
                case MeetingParticipantAction.GiveFloor:
                    foreach (MeetingParticipant other in meeting.Participants)
                    {
                        other.HasFloor = false;
                    }

                    participant.HasFloor = true;
                    participant.HandRaisedOrder = null;
                    participant.MutedByChair = false;
                    participant.AskedToUnmute = false;
                    muteOnBridge = !participant.MicrophoneOn;
                    break;
                default:
                    throw new DomainValidationException(MeetingErrors.UnknownAction, $"Unknown action {action}.");
            }
        }

        LogParticipantAction(_logger, meeting.Id, action, participantId);
        if (action == MeetingParticipantAction.Remove)
        {
            await AuditAsync(caller, MeetingAuditActions.ParticipantRemoved, meeting, new Dictionary<string, string?> { ["participantId"] = participantId, ["participant"] = participantName }).ConfigureAwait(false);
        }

        if (_bridges.TryGetValue(meeting.Id, out IMeetingMedia? bridge))
        {
            if (leaveBridge)
            {
                bridge.Leave(participantId);
            }

            if (muteOnBridge is bool muted)
            {
                bridge.SetMuted(participantId, muted);
            }
        }

        switch (action)
        {
            case MeetingParticipantAction.Admit:
                await SendToAsync(connection, MeetingHub.AdmittedMethod, StateMessageFor(meeting)).ConfigureAwait(false);
                break;
            case MeetingParticipantAction.Remove:
                await SendToAsync(connection, MeetingHub.RemovedMethod, "Chủ trì đã mời bạn ra khỏi cuộc họp.").ConfigureAwait(false);
                break;
            case MeetingParticipantAction.Mute:
                await SendToAsync(connection, MeetingHub.MutedByChairMethod).ConfigureAwait(false);
                break;
            case MeetingParticipantAction.AskUnmute:
                await SendToAsync(connection, MeetingHub.AskedToUnmuteMethod).ConfigureAwait(false);
                break;
        }

        await PublishAsync(meeting).ConfigureAwait(false);
        return ViewOf(meeting);
    }

    /// <summary>Mutes every participant except the chairs; the floor is taken back.</summary>
    public async Task<MeetingView> MuteAllAsync(User caller, string meetingId)
    {
        Meeting meeting = RequireOpenChair(caller, meetingId);
        List<(string Id, string? Connection)> muted = [];
        lock (meeting.Sync)
        {
            foreach (MeetingParticipant participant in meeting.Participants)
            {
                if (participant.State == MeetingParticipantState.Admitted && participant.Role != MeetingRole.Chair)
                {
                    participant.MutedByChair = true;
                    participant.AskedToUnmute = false;
                    participant.HasFloor = false;
                    muted.Add((participant.Id, participant.ConnectionId));
                }
            }
        }

        _bridges.TryGetValue(meeting.Id, out IMeetingMedia? bridge);
        foreach ((string id, string? connection) in muted)
        {
            bridge?.SetMuted(id, true);
            await SendToAsync(connection, MeetingHub.MutedByChairMethod).ConfigureAwait(false);
        }

        await PublishAsync(meeting).ConfigureAwait(false);
        return ViewOf(meeting);
    }

    /// <summary>Ends the meeting: everyone is told, the recording and the broadcast stop, the bridge closes.</summary>
    public async Task<MeetingView> EndAsync(User caller, string meetingId, CancellationToken cancellationToken)
    {
        Meeting meeting = RequireChair(caller, meetingId);
        List<string> connections = [];
        string? broadcastId;
        lock (meeting.Sync)
        {
            if (meeting.State == MeetingState.Ended)
            {
                return ViewOfLocked(meeting);
            }

            meeting.State = MeetingState.Ended;
            broadcastId = meeting.BroadcastId;
            meeting.BroadcastId = null;
            meeting.RecordingFile = null;
            foreach (MeetingParticipant participant in meeting.Participants)
            {
                if (participant.ConnectionId is string connection && participant.State != MeetingParticipantState.Removed)
                {
                    connections.Add(connection);
                }
            }
        }

        if (broadcastId is not null && _broadcasts is not null)
        {
            await CancelBroadcastQuietlyAsync(caller, broadcastId, cancellationToken).ConfigureAwait(false);
        }

        if (_bridges.TryRemove(meeting.Id, out IMeetingMedia? bridge))
        {
            Unsubscribe(bridge);
            if (bridge.IsRecording)
            {
                await bridge.StopRecordingAsync().ConfigureAwait(false);
            }

            await _media.CloseAsync(meeting.Id).ConfigureAwait(false);
        }

        await _notifier.SendAsync(connections, MeetingHub.MeetingEndedMethod, "Chủ trì đã kết thúc cuộc họp.").ConfigureAwait(false);
        LogEnded(_logger, meeting.Id);
        await AuditAsync(caller, MeetingAuditActions.Ended, meeting).ConfigureAwait(false);
        return ViewOf(meeting);
    }

    private MeetingView ViewOfLocked(Meeting meeting) => new(
        meeting.Id,
        meeting.Title,
        meeting.State == MeetingState.Open ? "open" : "ended",
        meeting.Locked,
        meeting.RecordingFile is not null,
        meeting.BroadcastId,
        meeting.Created,
        meeting.ChairName,
        [],
        []);

    private Signaling.Contracts.Meetings.MeetingStateMessage StateMessageFor(Meeting meeting)
    {
        Dictionary<string, MeetingParticipantMedia> media = MediaOf(meeting.Id);
        lock (meeting.Sync)
        {
            return StateMessageOf(meeting, media, withLobby: false);
        }
    }
}
