using System.Security.Claims;
using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Server.Api;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Meetings;

namespace VanYen.Media.Server.Meetings;

public sealed partial class MeetingService
{
    /// <inheritdoc />
    public async Task<JoinMeetingResponse> JoinAsync(ClaimsPrincipal? caller, string connectionId, JoinMeetingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Meeting meeting = Refusing(() => Require(request.MeetingId));
        MeetingParticipant participant;
        bool rejoin = request.ParticipantId is not null;
        lock (meeting.Sync)
        {
            if (meeting.State == MeetingState.Ended)
            {
                throw new MeetingRefusedException(409, MeetingErrors.MeetingEnded, "Cuộc họp đã kết thúc. (The meeting has ended.)");
            }

            participant = rejoin ? RejoiningParticipant(meeting, request) : NewParticipant(meeting, caller, request);
            participant.ConnectionId = connectionId;
        }

        if (!rejoin)
        {
            LogJoined(_logger, meeting.Id, participant.Id, participant.DisplayName, participant.Role, participant.State);
        }

        Dictionary<string, MeetingParticipantMedia> media = MediaOf(meeting.Id);
        JoinMeetingResponse response;
        lock (meeting.Sync)
        {
            response = new JoinMeetingResponse(
                participant.Id,
                participant.RejoinKey,
                RoleText(participant.Role),
                StateText(participant.State),
                StateMessageOf(meeting, media, withLobby: participant.Role == MeetingRole.Chair));
        }

        await PublishAsync(meeting).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc />
    public async Task<string> StartMediaAsync(string connectionId, string offerSdp, CancellationToken cancellationToken)
    {
        (Meeting meeting, MeetingParticipant participant) = RequireConnection(connectionId);
        bool muted;
        lock (meeting.Sync)
        {
            if (participant.State != MeetingParticipantState.Admitted)
            {
                throw new MeetingRefusedException(403, MeetingErrors.NotAdmitted, "Hãy chờ chủ trì cho vào phòng. (Wait until the chair admits you.)");
            }

            muted = participant.MutedByChair || !participant.MicrophoneOn;
        }

        IMeetingMedia bridge = Refusing(() => Bridge(meeting));
        string answer;
        try
        {
            answer = await bridge.JoinWebRtcAsync(participant.Id, offerSdp, cancellationToken).ConfigureAwait(false);
        }
        catch (RoomException refused)
        {
            throw new MeetingRefusedException(400, MeetingErrors.MediaRefused, refused.Message, refused);
        }

        bridge.SetMuted(participant.Id, muted);
        lock (meeting.Sync)
        {
            participant.MediaStarted = true;
        }

        await PublishAsync(meeting).ConfigureAwait(false);
        return answer;
    }

    /// <inheritdoc />
    public async Task SetHandAsync(string connectionId, bool raised)
    {
        (Meeting meeting, MeetingParticipant participant) = RequireConnection(connectionId);
        lock (meeting.Sync)
        {
            RequireAdmitted(participant);
            if (!raised)
            {
                participant.HandRaisedOrder = null;
            }
            else if (participant.HandRaisedOrder is null)
            {
                participant.HandRaisedOrder = meeting.NextHandOrder();
            }
        }

        await PublishAsync(meeting).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetMicrophoneAsync(string connectionId, bool on)
    {
        (Meeting meeting, MeetingParticipant participant) = RequireConnection(connectionId);
        bool muted;
        lock (meeting.Sync)
        {
            RequireAdmitted(participant);
            if (on && participant.MutedByChair)
            {
                if (!participant.AskedToUnmute)
                {
                    throw new MeetingRefusedException(403, MeetingErrors.MutedByChair, "Chủ trì đã tắt micro của bạn; hãy giơ tay xin phát biểu. (The chair muted you: raise your hand.)");
                }

                participant.MutedByChair = false;
                participant.AskedToUnmute = false;
            }

            participant.MicrophoneOn = on;
            muted = participant.MutedByChair || !on;
        }

        if (_bridges.TryGetValue(meeting.Id, out IMeetingMedia? bridge))
        {
            bridge.SetMuted(participant.Id, muted);
        }

        await PublishAsync(meeting).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task LeaveAsync(string connectionId)
    {
        (Meeting meeting, MeetingParticipant participant) = RequireConnection(connectionId);
        lock (meeting.Sync)
        {
            participant.State = MeetingParticipantState.Removed;
            participant.ConnectionId = null;
            participant.HandRaisedOrder = null;
            participant.HasFloor = false;
            participant.MediaStarted = false;
        }

        if (_bridges.TryGetValue(meeting.Id, out IMeetingMedia? bridge))
        {
            bridge.Leave(participant.Id);
        }

        await PublishAsync(meeting).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DisconnectedAsync(string connectionId)
    {
        if (!TryFindConnection(connectionId, out Meeting meeting, out MeetingParticipant participant))
        {
            return;
        }

        lock (meeting.Sync)
        {
            // Keeps the admission, the hand and the media: the page rejoins after a drop (the bridge ends the media itself if it never comes back).
            if (string.Equals(participant.ConnectionId, connectionId, StringComparison.Ordinal))
            {
                participant.ConnectionId = null;
            }
        }

        await PublishAsync(meeting).ConfigureAwait(false);
    }

    private static MeetingParticipant RejoiningParticipant(Meeting meeting, JoinMeetingRequest request)
    {
        MeetingParticipant? participant = meeting.Find(request.ParticipantId!);
        if (participant is null || !MeetingSecrets.Matches(request.RejoinKey, participant.RejoinKey))
        {
            throw new MeetingRefusedException(403, MeetingErrors.InvalidRejoinKey, "Không nhận ra người tham gia này; hãy vào lại bằng đường dẫn. (Unknown participant: join again by the link.)");
        }

        if (participant.State == MeetingParticipantState.Removed)
        {
            throw new MeetingRefusedException(403, MeetingErrors.ParticipantRemoved, "Bạn đã rời hoặc bị mời ra khỏi cuộc họp. (You left or were removed.)");
        }

        return participant;
    }

    private static MeetingParticipant NewParticipant(Meeting meeting, ClaimsPrincipal? caller, JoinMeetingRequest request)
    {
        string name = (request.DisplayName ?? string.Empty).Trim();
        if (name.Length is 0 or > MaxDisplayNameLength)
        {
            throw new MeetingRefusedException(400, MeetingErrors.InvalidDisplayName, $"Hãy nhập tên từ 1 đến {MaxDisplayNameLength} ký tự. (Enter a name of 1 to {MaxDisplayNameLength} characters.)");
        }

        bool chair = MeetingSecrets.Matches(request.Token, meeting.ChairToken)
            || (caller is not null && UserClaims.TryGetUserId(caller, out long userId) && userId == meeting.ChairUserId && string.IsNullOrEmpty(request.Token));
        bool admitDirectly = chair;
        if (!chair && (request.Token is null || !meeting.TryGetJoinToken(request.Token, out admitDirectly)))
        {
            throw new MeetingRefusedException(403, MeetingErrors.InvalidToken, "Đường dẫn mời họp không hợp lệ. (The invitation link is not valid.)");
        }

        if (!chair && meeting.Locked)
        {
            throw new MeetingRefusedException(409, MeetingErrors.MeetingLocked, "Chủ trì đã khoá phòng họp; không thể vào lúc này. (The chair locked the meeting.)");
        }

        string id;
        do
        {
            id = MeetingSecrets.NewParticipantId();
        }
        while (meeting.Find(id) is not null);

        var participant = new MeetingParticipant(id, name, chair ? MeetingRole.Chair : MeetingRole.Participant, MeetingSecrets.NewToken())
        {
            State = admitDirectly ? MeetingParticipantState.Admitted : MeetingParticipantState.Lobby,
        };
        meeting.Add(participant);
        return participant;
    }

    private static void RequireAdmitted(MeetingParticipant participant)
    {
        if (participant.State != MeetingParticipantState.Admitted)
        {
            throw new MeetingRefusedException(403, MeetingErrors.NotAdmitted, "Hãy chờ chủ trì cho vào phòng. (Wait until the chair admits you.)");
        }
    }

    private (Meeting Meeting, MeetingParticipant Participant) RequireConnection(string connectionId) =>
        TryFindConnection(connectionId, out Meeting meeting, out MeetingParticipant participant)
            ? (meeting, participant)
            : throw new MeetingRefusedException(409, MeetingErrors.NotInMeeting, "Call JoinLobby (or Rejoin) first.");

    private bool TryFindConnection(string connectionId, out Meeting meeting, out MeetingParticipant participant)
    {
        foreach (Meeting candidate in _registry.All)
        {
            lock (candidate.Sync)
            {
                if (candidate.FindByConnection(connectionId) is { } found)
                {
                    meeting = candidate;
                    participant = found;
                    return true;
                }
            }
        }

        meeting = null!;
        participant = null!;
        return false;
    }

    private static T Refusing<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (DomainException refused)
        {
            throw new MeetingRefusedException(ApiProblems.StatusCodeOf(refused), refused.Reason, refused.Message, refused);
        }
    }
}
