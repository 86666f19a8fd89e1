using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Api;

/// <summary><c>/api/areas</c>: the area tree (huyện → xã → thôn) within the caller's scope; admins add, rename and remove areas.</summary>
public static class AreaEndpoints
{
    public static RouteGroupBuilder MapAreaEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var areas = api.MapGroup("/areas").WithTags("Areas").RequireAuthorization(AuthPolicies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        areas.MapGet("/", (Delegate)GetTreeAsync)
            .WithSummary("The caller's scope area with everything below it, as a tree.")
            .Produces<AreaNode>();
        areas.MapGet("/{id:long}", GetAsync)
            .WithSummary("One area.")
            .Produces<Area>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        areas.MapPost("/", CreateAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Adds a commune under the district or a village under a commune (admin of the parent).")
            .Produces<Area>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        areas.MapPatch("/{id:long}", UpdateAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Renames an area and/or sets whether its bulletins need approval.")
            .Produces<Area>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        areas.MapDelete("/{id:long}", DeleteAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Removes an empty area (no child areas, clusters or users); not the caller's own scope area.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> GetTreeAsync(HttpContext context)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        return Results.Ok(AreaNode.Build(scope.Areas, scope.RequireArea(scope.Caller.ScopeAreaId)));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var area = scope.RequireArea(id);
        scope.Require(ScopeAction.View, id, $"Area {id}");
        return Results.Ok(area);
    }

    private static async Task<IResult> CreateAsync(CreateAreaRequest request, HttpContext context, [FromServices] IAreaRepository areas)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var parent = scope.RequireArea(request.ParentId);
        scope.Require(ScopeAction.Manage, parent.Id, $"Area {parent.Id}");
        var kind = parent.Kind switch
        {
            AreaKind.District => AreaKind.Commune,
            AreaKind.Commune => AreaKind.Village,
            _ => throw new DomainValidationException(DomainErrors.WrongParentKind, "A village has no child areas: add villages under a commune."),
        };
        var area = await areas.AddAsync(new NewArea(parent.Id, kind, request.Name, request.RequiresApproval), context.RequestAborted).ConfigureAwait(false);
        await ApiAudit.AppendAsync(context, scope.Caller, "area.created", "area", area.Id, area.Id, new { area.Name, area.Kind, area.ParentId }).ConfigureAwait(false);
        return Results.Created($"/api/areas/{area.Id}", area);
    }

    private static async Task<IResult> UpdateAsync(long id, UpdateAreaRequest request, HttpContext context, [FromServices] IAreaRepository areas)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var area = scope.RequireArea(id);
        scope.Require(ScopeAction.Manage, id, $"Area {id}");
        var updated = await areas.UpdateAsync(id, request.Name ?? area.Name, request.RequiresApproval ?? area.RequiresApproval, context.RequestAborted).ConfigureAwait(false);
        await ApiAudit.AppendAsync(context, scope.Caller, "area.updated", "area", id, id, new { updated.Name, updated.RequiresApproval }).ConfigureAwait(false);
        return Results.Ok(updated);
    }

    private static async Task<IResult> DeleteAsync(long id, HttpContext context, [FromServices] IAreaRepository areas)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var area = scope.RequireArea(id);
        scope.Require(ScopeAction.Manage, id, $"Area {id}");
        if (id == scope.Caller.ScopeAreaId)
        {
            throw new DomainForbiddenException(ApiErrors.OutsideScope, "You cannot remove your own scope area: an admin above it can.");
        }

        await areas.DeleteAsync(id, context.RequestAborted).ConfigureAwait(false);
        await ApiAudit.AppendAsync(context, scope.Caller, "area.deleted", "area", id, area.ParentId, new { area.Name }).ConfigureAwait(false);
        return Results.NoContent();
    }
}
