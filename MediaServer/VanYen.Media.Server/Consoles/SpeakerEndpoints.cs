using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Api;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Consoles;

/// <summary>
/// <c>POST /api/speaker/status</c>: a speaker page (a browser turned into a Browser receiver, no user) trades its
/// receiver's secret for its cluster and what plays there now; it asks again every few seconds to show the title.
/// </summary>
public static class SpeakerEndpoints
{
    /// <summary>The path.</summary>
    public const string StatusPath = "/api/speaker/status";

    /// <summary>Reason code: the token is not the secret of any receiver (or not of the given id).</summary>
    public const string UnknownTokenReason = "unknown-receiver-token";

    /// <summary>Reason code: the token belongs to a receiver that is not a Browser receiver.</summary>
    public const string NotBrowserReceiverReason = "not-browser-receiver";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapSpeakerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(StatusPath, StatusAsync)
            .AllowAnonymous()
            .WithTags("Speaker")
            .WithSummary("A speaker page's cluster and what it plays now, for a Browser receiver's id and secret (body deviceId, token).")
            .Produces<SpeakerStatusView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> StatusAsync(
        SpeakerStatusRequest? request,
        HttpContext context,
        [FromServices] IReceiverRepository receivers,
        [FromServices] IClusterRepository clusters,
        [FromServices] ClusterNowPlaying nowPlaying)
    {
        if (request is null || string.IsNullOrEmpty(request.Token))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, ApiErrors.MissingCredentials, "Send the receiver's secret as token (and its id as deviceId).");
        }

        Receiver? receiver = await receivers.FindBySecretHashAsync(DeviceSecret.Hash(request.Token), context.RequestAborted).ConfigureAwait(false);
        bool idMatches = string.IsNullOrWhiteSpace(request.DeviceId)
            || (receiver is not null && request.DeviceId.Trim() == receiver.Id.ToString(CultureInfo.InvariantCulture));
        if (receiver is null || !DeviceSecret.Verify(request.Token, receiver.SecretHash) || !idMatches)
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, UnknownTokenReason, "The device id and token are not those of any receiver.");
        }

        if (receiver.Kind != ReceiverKind.Browser)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, NotBrowserReceiverReason, $"Receiver '{receiver.Name}' is not a Browser receiver; a speaker page needs one.");
        }

        Cluster? cluster = await clusters.GetAsync(receiver.ClusterId, context.RequestAborted).ConfigureAwait(false);
        if (cluster is null)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "cluster-not-found", "The receiver's cluster no longer exists.");
        }

        BroadcastView? playing = nowPlaying.Get(cluster.Id);
        SpeakerProgramView? program = playing is null
            ? null
            : new SpeakerProgramView(playing.Id, playing.Title, playing.SourceKind, playing.Priority, playing.CreatedBy, playing.CreatedAt);
        return Results.Ok(new SpeakerStatusView(receiver.Id, receiver.Name, cluster.Id, cluster.Name, program));
    }
}
