using System.Security.Claims;

namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>
/// What the consultation hub asks of the server (which owns consultations, users and the SFU rooms; the signaling
/// layer cannot reference it). Refusals throw <see cref="ConsultationException"/>; messages for connections are
/// raised as <see cref="Pushed"/>.
/// </summary>
public interface IConsultationCalls
{
    /// <summary>A message to send to some hub connections (the hub's notifier delivers it).</summary>
    event EventHandler<ConsultationPush>? Pushed;

    /// <summary>
    /// A connection joins a consultation: the signed-in doctor without a token, anyone else with a link's token and a
    /// name. A guest waits until the doctor admits them; a guest already admitted who returns with the same token (a
    /// dropped network) is admitted again at once.
    /// </summary>
    Task<ConsultJoinResponse> JoinAsync(ClaimsPrincipal caller, string connectionId, string consultationId, string? token, string? displayName, CancellationToken cancellationToken);

    /// <summary>The doctor (this connection) lets a waiting participant in.</summary>
    Task AdmitAsync(string connectionId, string participantId, CancellationToken cancellationToken);

    /// <summary>An admitted participant's browser joins the call's media with its offer (the forwarding layout).</summary>
    Task<ConsultStartMediaResponse> StartMediaAsync(string connectionId, string offerSdp, CancellationToken cancellationToken);

    /// <summary>The participant leaves; when it is the doctor the call ends for everyone.</summary>
    Task HangupAsync(string connectionId);

    /// <summary>The connection went away (a drop, maybe to come back with the same token).</summary>
    Task DisconnectedAsync(string connectionId);
}
