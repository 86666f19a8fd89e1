using System.Net;
using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Engine.Sources.Live;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Media;

namespace VanYen.Media.Server.Api;

/// <summary>
/// <c>POST /api/broadcasts/live-rtp</c>: live voice from a hardware console that sends plain RTP/Opus to the RTP port.
/// The broadcast ends when the console stops sending (<see cref="RtpIngestRegistry.SilenceTimeout"/>) or is cancelled.
/// </summary>
public static class LiveRtpEndpoints
{
    /// <summary>The problem reason when the SSRC already feeds a broadcast.</summary>
    public const string SsrcInUse = "ssrc-in-use";

    public static RouteGroupBuilder MapLiveRtpEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/broadcasts/live-rtp", StartAsync)
            .WithTags("Broadcasts")
            .RequireAuthorization(AuthPolicies.Broadcast)
            .WithSummary("Starts a live broadcast fed by a console's RTP/Opus stream (SSRC, optional source address); 201 with the RTP port.")
            .Produces<LiveRtpStarted>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> StartAsync(
        LiveRtpRequest? request,
        HttpContext context,
        [FromServices] IBroadcastService broadcasts,
        [FromServices] RtpIngestRegistry ingest,
        [FromServices] MediaSocketHost sockets)
    {
        var caller = await context.GetCallerAsync().ConfigureAwait(false);
        if (request is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, ApiErrors.BadRequest, "The body must be {title, clusterIds, areaIds, ssrc, sourceAddress}.");
        }

        IPAddress? allowed = null;
        if (!string.IsNullOrWhiteSpace(request.SourceAddress) && !IPAddress.TryParse(request.SourceAddress, out allowed))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, ApiErrors.BadRequest, $"sourceAddress '{request.SourceAddress}' is not an IP address.");
        }

        int? port = RtpPort(sockets);
        if (port is null)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, ApiErrors.BadRequest, "The RTP port is not open on this server.");
        }

        RtpLiveSource source;
        try
        {
            source = ingest.Open(request.Ssrc, allowed);
        }
        catch (InvalidOperationException)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, SsrcInUse, $"SSRC {request.Ssrc} already feeds a live broadcast.");
        }

        BroadcastView view;
        try
        {
            view = await broadcasts.StartLiveAsync(caller, request.Title ?? "", request.ClusterIds ?? [], request.AreaIds ?? [], BroadcastLevel.Normal, source, context.RequestAborted).ConfigureAwait(false);
        }
        catch
        {
            // Refused (scope, no clusters...): free the SSRC for the next try.
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return Results.Created($"/api/broadcasts/{Uri.EscapeDataString(view.Id)}", new LiveRtpStarted(view, port.Value));
    }

    private static int? RtpPort(MediaSocketHost sockets)
    {
        foreach (var socket in sockets.Sockets)
        {
            if (socket.Name == MediaSocketHost.RtpSocketName)
            {
                return socket.Port;
            }
        }

        return null;
    }
}
