using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Api;

/// <summary><c>/api/clusters</c>: loudspeaker clusters (cụm loa) within the caller's scope; admins add, change and remove them.</summary>
public static class ClusterEndpoints
{
    public static RouteGroupBuilder MapClusterEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var clusters = api.MapGroup("/clusters").WithTags("Clusters").RequireAuthorization(AuthPolicies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        clusters.MapGet("/", ListAsync)
            .WithSummary("Clusters in an area (default: the caller's scope) and below it.")
            .Produces<IReadOnlyList<Cluster>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        clusters.MapGet("/{id:long}", GetAsync)
            .WithSummary("One cluster.")
            .Produces<Cluster>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        clusters.MapPost("/", CreateAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Adds a cluster to a village or commune in the caller's scope.")
            .Produces<Cluster>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        clusters.MapPut("/{id:long}", UpdateAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Changes a cluster (name, location, area, volume, on-air hours).")
            .Produces<Cluster>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        clusters.MapDelete("/{id:long}", DeleteAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Removes a cluster and its receivers.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The cluster, or 404.</summary>
    public static async Task<Cluster> RequireClusterAsync(IClusterRepository clusters, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        return await clusters.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainNotFoundException(DomainErrors.ClusterNotFound, $"There is no cluster {id}.");
    }

    private static async Task<IResult> ListAsync(long? areaId, HttpContext context, [FromServices] IClusterRepository clusters)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        long area = scope.ViewableAreaOrScope(areaId);
        return Results.Ok(await clusters.GetInAreaAsync(area, context.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, [FromServices] IClusterRepository clusters)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var cluster = await RequireClusterAsync(clusters, id, context.RequestAborted).ConfigureAwait(false);
        scope.Require(ScopeAction.View, cluster.AreaId, $"Cluster {id}");
        return Results.Ok(cluster);
    }

    private static async Task<IResult> CreateAsync(ClusterRequest request, HttpContext context, [FromServices] IClusterRepository clusters)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        scope.RequireArea(request.AreaId);
        scope.Require(ScopeAction.Manage, request.AreaId, $"Area {request.AreaId}");
        var cluster = await clusters.AddAsync(
            new NewCluster(request.AreaId, request.Name, request.Location, request.DefaultVolume, request.OnAirHours),
            context.RequestAborted).ConfigureAwait(false);
        await ApiAudit.AppendAsync(context, scope.Caller, "cluster.created", "cluster", cluster.Id, cluster.AreaId, new { cluster.Name }).ConfigureAwait(false);
        return Results.Created($"/api/clusters/{cluster.Id}", cluster);
    }

    private static async Task<IResult> UpdateAsync(long id, ClusterRequest request, HttpContext context, [FromServices] IClusterRepository clusters)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var cluster = await RequireClusterAsync(clusters, id, context.RequestAborted).ConfigureAwait(false);
        scope.Require(ScopeAction.Manage, cluster.AreaId, $"Cluster {id}");
        scope.RequireArea(request.AreaId);
        scope.Require(ScopeAction.Manage, request.AreaId, $"Area {request.AreaId}");
        var updated = await clusters.UpdateAsync(
            cluster with { AreaId = request.AreaId, Name = request.Name, Location = request.Location, DefaultVolume = request.DefaultVolume, OnAirHours = request.OnAirHours },
            context.RequestAborted).ConfigureAwait(false);
        await ApiAudit.AppendAsync(context, scope.Caller, "cluster.updated", "cluster", id, updated.AreaId, new { updated.Name, updated.AreaId }).ConfigureAwait(false);
        return Results.Ok(updated);
    }

    private static async Task<IResult> DeleteAsync(long id, HttpContext context, [FromServices] IClusterRepository clusters)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var cluster = await RequireClusterAsync(clusters, id, context.RequestAborted).ConfigureAwait(false);
        scope.Require(ScopeAction.Manage, cluster.AreaId, $"Cluster {id}");
        await clusters.DeleteAsync(id, context.RequestAborted).ConfigureAwait(false);
        await ApiAudit.AppendAsync(context, scope.Caller, "cluster.deleted", "cluster", id, cluster.AreaId, new { cluster.Name }).ConfigureAwait(false);
        return Results.NoContent();
    }
}
