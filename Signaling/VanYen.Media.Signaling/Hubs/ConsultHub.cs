using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using VanYen.Media.Signaling.Contracts.Consultations;

namespace VanYen.Media.Signaling.Hubs;

/// <summary>
/// Teleconsultation calls (khám từ xa), mapped at <see cref="Path"/>: the doctor (signed in) and guests (a link's
/// token) <see cref="Join"/>; a guest waits, with no media, until the doctor <see cref="Admit"/>s them; admitted
/// browsers <see cref="StartMedia"/> with the forwarding layout's offer. Refusals are <see cref="HubException"/>s whose
/// message starts with the status and the reason code: "403 Forbidden (not-admitted): …".
/// </summary>
public sealed partial class ConsultHub(IConsultationCalls calls, ILogger<ConsultHub> logger) : Hub
{
    /// <summary>Where the host maps the hub.</summary>
    public const string Path = "/hubs/consult";

    /// <summary>To the doctor: a <see cref="WaitingRoomMessage"/>.</summary>
    public const string WaitingRoomChangedMethod = "WaitingRoomChanged";

    /// <summary>To a guest: an <see cref="AdmittedMessage"/>.</summary>
    public const string AdmittedMethod = "Admitted";

    /// <summary>To a participant in the media: a <see cref="SlotsChangedMessage"/>.</summary>
    public const string SlotsChangedMethod = "SlotsChanged";

    /// <summary>To the doctor every few seconds: a <see cref="QualityMessage"/>.</summary>
    public const string QualityMethod = "Quality";

    /// <summary>To a participant whose media ended on the server's side: a <see cref="MediaEndedMessage"/>.</summary>
    public const string MediaEndedMethod = "MediaEnded";

    /// <summary>To everyone when the call is over: a <see cref="CallEndedMessage"/>.</summary>
    public const string CallEndedMethod = "CallEnded";

    /// <summary>Joins a consultation: the signed-in doctor with no token, a guest with the token of their link and a name.</summary>
    public Task<ConsultJoinResponse> Join(string consultationId, string? token, string? displayName)
    {
        if (string.IsNullOrWhiteSpace(consultationId))
        {
            throw new HubException("400 Bad Request (bad-request): Join needs the consultation id.");
        }

        return CallAsync(nameof(Join), () => calls.JoinAsync(Context.User!, Context.ConnectionId, consultationId, token, displayName, Context.ConnectionAborted));
    }

    /// <summary>The doctor lets a waiting participant in.</summary>
    public Task Admit(string participantId) => CallAsync(nameof(Admit), async () =>
    {
        await calls.AdmitAsync(Context.ConnectionId, participantId ?? string.Empty, Context.ConnectionAborted);
        return true;
    });

    /// <summary>An admitted participant's media: the browser's offer in, the server's answer and the slots out.</summary>
    public Task<ConsultStartMediaResponse> StartMedia(string offerSdp)
    {
        if (string.IsNullOrWhiteSpace(offerSdp))
        {
            throw new HubException("400 Bad Request (bad-request): StartMedia needs the browser's SDP offer.");
        }

        return CallAsync(nameof(StartMedia), () => calls.StartMediaAsync(Context.ConnectionId, offerSdp, Context.ConnectionAborted));
    }

    /// <summary>Leaves the call; the doctor's hang-up ends it for everyone.</summary>
    public Task Hangup() => CallAsync(nameof(Hangup), async () =>
    {
        await calls.HangupAsync(Context.ConnectionId);
        return true;
    });

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        try
        {
            await calls.DisconnectedAsync(Context.ConnectionId);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogDisconnectFailed(logger, failure, Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private Task<T> CallAsync<T>(string method, Func<Task<T>> call) => HubMethodCalls.InvokeAsync(Context, logger, method, call);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leaving the consultation of disconnected connection {ConnectionId} failed")]
    private static partial void LogDisconnectFailed(ILogger logger, Exception exception, string connectionId);
}
