using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using VanYen.Media.Signaling.Contracts.Meetings;

namespace VanYen.Media.Signaling.Hubs;

/// <summary>
/// Meetings (họp trực tuyến), mapped at <see cref="Path"/>: a browser joins by link (<see cref="JoinLobby"/>), waits in
/// the lobby until the chair admits it (<see cref="AdmittedMethod"/>), then starts its audio (<see cref="StartMedia"/>).
/// After a network drop the page calls <see cref="Rejoin"/> with the same participant and gets media again without a
/// new admission. Chair actions are REST calls (<c>/api/meetings/…</c>); their effects are pushed here. Refusals are
/// <see cref="HubException"/>s whose message starts with the status and the reason ("409 Conflict (meeting-locked): …").
/// </summary>
public sealed partial class MeetingHub(IMeetingConductor conductor, ILogger<MeetingHub> logger) : Hub
{
    /// <summary>Where the host maps the hub.</summary>
    public const string Path = "/hubs/meeting";

    /// <summary>To the chair: who waits in the lobby (a list of <see cref="MeetingParticipantMessage"/>).</summary>
    public const string LobbyChangedMethod = "LobbyChanged";

    /// <summary>To a participant leaving the lobby: a <see cref="MeetingStateMessage"/>; call <see cref="StartMedia"/>.</summary>
    public const string AdmittedMethod = "Admitted";

    /// <summary>To everyone admitted: the meeting now (<see cref="MeetingStateMessage"/>).</summary>
    public const string ParticipantsChangedMethod = "ParticipantsChanged";

    /// <summary>To everyone admitted: the ids of the participants mixed as talkers now, loudest first.</summary>
    public const string TalkersChangedMethod = "TalkersChanged";

    /// <summary>To a participant the chair muted.</summary>
    public const string MutedByChairMethod = "MutedByChair";

    /// <summary>To a participant the chair asks to unmute (it may then turn its microphone on).</summary>
    public const string AskedToUnmuteMethod = "AskedToUnmute";

    /// <summary>To everyone admitted: true when the recording starts, false when it stops.</summary>
    public const string RecordingChangedMethod = "RecordingChanged";

    /// <summary>To a participant the chair removed (or refused in the lobby), with the reason.</summary>
    public const string RemovedMethod = "Removed";

    /// <summary>To everyone: the chair ended the meeting.</summary>
    public const string MeetingEndedMethod = "MeetingEnded";

    /// <summary>Joins a meeting with the link's token (none for the signed-in chair) and a display name.</summary>
    public Task<JoinMeetingResponse> JoinLobby(string meetingId, string? token, string? displayName)
    {
        if (string.IsNullOrWhiteSpace(meetingId))
        {
            throw new HubException("400 Bad Request (bad-request): JoinLobby needs the meeting id, the link's token and a display name.");
        }

        return CallAsync(nameof(JoinLobby), () => conductor.JoinAsync(Context.User, Context.ConnectionId, new JoinMeetingRequest(meetingId, token, displayName), Context.ConnectionAborted));
    }

    /// <summary>Comes back after a drop as the same participant (same admission, same place in the hand queue).</summary>
    public Task<JoinMeetingResponse> Rejoin(string meetingId, string participantId, string rejoinKey)
    {
        if (string.IsNullOrWhiteSpace(meetingId) || string.IsNullOrWhiteSpace(participantId) || string.IsNullOrWhiteSpace(rejoinKey))
        {
            throw new HubException("400 Bad Request (bad-request): Rejoin needs the meeting id, the participant id and the rejoin key.");
        }

        return CallAsync(nameof(Rejoin), () => conductor.JoinAsync(Context.User, Context.ConnectionId, new JoinMeetingRequest(meetingId, null, null, participantId, rejoinKey), Context.ConnectionAborted));
    }

    /// <summary>Starts the admitted participant's audio with the browser's offer; returns the answer.</summary>
    public Task<string> StartMedia(string offerSdp)
    {
        if (string.IsNullOrWhiteSpace(offerSdp))
        {
            throw new HubException("400 Bad Request (bad-request): StartMedia needs the browser's SDP offer.");
        }

        return CallAsync(nameof(StartMedia), () => conductor.StartMediaAsync(Context.ConnectionId, offerSdp, Context.ConnectionAborted));
    }

    /// <summary>Raises the hand (xin phát biểu).</summary>
    public Task RaiseHand() => CallAsync(nameof(RaiseHand), async () =>
    {
        await conductor.SetHandAsync(Context.ConnectionId, raised: true);
        return true;
    });

    /// <summary>Lowers the hand.</summary>
    public Task LowerHand() => CallAsync(nameof(LowerHand), async () =>
    {
        await conductor.SetHandAsync(Context.ConnectionId, raised: false);
        return true;
    });

    /// <summary>Turns the participant's microphone on or off (refused while muted by the chair unless asked to unmute).</summary>
    public Task SetMicrophone(bool on) => CallAsync(nameof(SetMicrophone), async () =>
    {
        await conductor.SetMicrophoneAsync(Context.ConnectionId, on);
        return true;
    });

    /// <summary>Leaves the meeting for good.</summary>
    public Task Leave() => CallAsync(nameof(Leave), async () =>
    {
        await conductor.LeaveAsync(Context.ConnectionId);
        return true;
    });

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        try
        {
            await conductor.DisconnectedAsync(Context.ConnectionId);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogDisconnectFailed(logger, failure, Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private Task<T> CallAsync<T>(string method, Func<Task<T>> call) => HubMethodCalls.InvokeAsync(Context, logger, method, call);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling the drop of meeting connection {ConnectionId} failed")]
    private static partial void LogDisconnectFailed(ILogger logger, Exception exception, string connectionId);
}
