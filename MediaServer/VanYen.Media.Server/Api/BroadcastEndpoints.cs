using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>
/// <c>/api/broadcasts</c>: start (now, at a time, recurring), list, cancel and approve broadcasts, and
/// <c>POST /api/clusters/cancel</c> to silence clusters (huỷ tin đang phát). Role, scope and approval rules are the
/// broadcast service's; its refusals map to 400/403/404/409.
/// </summary>
public static class BroadcastEndpoints
{
    public static RouteGroupBuilder MapBroadcastEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var broadcasts = api.MapGroup("/broadcasts").WithTags("Broadcasts").RequireAuthorization(AuthPolicies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        broadcasts.MapPost("/", StartAsync)
            .RequireAuthorization(AuthPolicies.Broadcast)
            .WithSummary("Starts a broadcast now (201), or schedules it / parks it for approval (202).")
            .Produces<BroadcastView>(StatusCodes.Status201Created)
            .Produces<BroadcastView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        broadcasts.MapGet("/", ListAsync)
            .WithSummary("Broadcasts the caller may see: on air, waiting, scheduled, awaiting approval, recently ended.")
            .Produces<IReadOnlyList<BroadcastView>>();
        broadcasts.MapGet("/{id}", GetAsync)
            .WithSummary("One broadcast.")
            .Produces<BroadcastView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        broadcasts.MapPost("/{id}/cancel", CancelAsync)
            .RequireAuthorization(AuthPolicies.Broadcast)
            .WithSummary("Cancels a broadcast on some clusters (body clusterIds) or everywhere (no body), or removes a schedule.")
            .Produces<BroadcastView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        broadcasts.MapPost("/{id}/approve", ApproveAsync)
            .RequireAuthorization(AuthPolicies.Approve)
            .WithSummary("Lets a bulletin awaiting approval air (approver of its area or above).")
            .Produces<BroadcastView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/clusters/cancel", CancelOnClustersAsync)
            .RequireAuthorization(AuthPolicies.Broadcast)
            .WithTags("Broadcasts")
            .WithSummary("Huỷ tin đang phát: stops whatever plays on the clusters that the caller may cancel.")
            .Produces<IReadOnlyList<BroadcastView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> StartAsync(BroadcastCommand command, HttpContext context, [FromServices] IBroadcastService broadcasts, [FromServices] RelayStationCatalog stations)
    {
        var caller = await context.GetCallerAsync().ConfigureAwait(false);
        var view = await broadcasts.StartAsync(caller, stations.Resolve(command), context.RequestAborted).ConfigureAwait(false);
        string location = $"/api/broadcasts/{Uri.EscapeDataString(view.Id)}";
        return view.State is BroadcastState.AwaitingApproval or BroadcastState.Scheduled
            ? Results.Accepted(location, view)
            : Results.Created(location, view);
    }

    private static async Task<IResult> ListAsync(HttpContext context, [FromServices] IBroadcastService broadcasts) =>
        Results.Ok(await broadcasts.ListAsync(await context.GetCallerAsync().ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> GetAsync(string id, HttpContext context, [FromServices] IBroadcastService broadcasts) =>
        Results.Ok(await broadcasts.GetAsync(await context.GetCallerAsync().ConfigureAwait(false), id, context.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> CancelAsync(string id, CancelBroadcastRequest? request, HttpContext context, [FromServices] IBroadcastService broadcasts)
    {
        var caller = await context.GetCallerAsync().ConfigureAwait(false);
        IReadOnlyCollection<long>? clusterIds = request?.ClusterIds is { Count: > 0 } some ? some : null;
        return Results.Ok(await broadcasts.CancelAsync(caller, id, clusterIds, context.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> ApproveAsync(string id, HttpContext context, [FromServices] IBroadcastService broadcasts) =>
        Results.Ok(await broadcasts.ApproveAsync(await context.GetCallerAsync().ConfigureAwait(false), id, context.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> CancelOnClustersAsync(CancelClustersRequest request, HttpContext context, [FromServices] IBroadcastService broadcasts)
    {
        var caller = await context.GetCallerAsync().ConfigureAwait(false);
        if (request.ClusterIds.Count == 0)
        {
            throw new DomainValidationException(ApiErrors.InvalidClusterList, "clusterIds: name at least one cluster.");
        }

        return Results.Ok(await broadcasts.CancelOnClustersAsync(caller, request.ClusterIds.Distinct().ToArray(), context.RequestAborted).ConfigureAwait(false));
    }
}
