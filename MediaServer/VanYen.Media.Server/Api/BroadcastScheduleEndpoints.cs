using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Broadcasting;

namespace VanYen.Media.Server.Api;

/// <summary>
/// Editing schedules: <c>PATCH /api/broadcasts/{id}</c> changes a scheduled broadcast that has not started (409 once
/// it has), <c>GET /api/broadcasts/{id}/command</c> gives its command for the edit form. A relay may name a
/// configured station (<c>source.stationId</c>).
/// </summary>
public static class BroadcastScheduleEndpoints
{
    public static RouteGroupBuilder MapBroadcastScheduleEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var broadcasts = api.MapGroup("/broadcasts").WithTags("Broadcasts").RequireAuthorization(AuthPolicies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        broadcasts.MapPatch("/{id}", UpdateAsync)
            .RequireAuthorization(AuthPolicies.Broadcast)
            .WithSummary("Edits a scheduled broadcast (or one awaiting approval) before it starts: start time, recurrence, text or file, targets.")
            .Produces<BroadcastView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        broadcasts.MapGet("/{id}/command", GetCommandAsync)
            .WithSummary("The command of a scheduled broadcast (or one awaiting approval), as its edit form shows it.")
            .Produces<BroadcastCommand>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> UpdateAsync(string id, ScheduledBroadcastChange change, HttpContext context, [FromServices] BroadcastService broadcasts, [FromServices] RelayStationCatalog stations)
    {
        var caller = await context.GetCallerAsync().ConfigureAwait(false);
        if (change.Source is { } source)
        {
            change = change with { Source = stations.ResolveSource(source) };
        }

        return Results.Ok(await broadcasts.UpdateScheduledAsync(caller, id, change, context.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> GetCommandAsync(string id, HttpContext context, [FromServices] BroadcastService broadcasts) =>
        Results.Ok(await broadcasts.GetStoredCommandAsync(await context.GetCallerAsync().ConfigureAwait(false), id, context.RequestAborted).ConfigureAwait(false));
}
