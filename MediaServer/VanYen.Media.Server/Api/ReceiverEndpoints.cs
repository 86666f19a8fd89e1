using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Devices;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Api;

/// <summary><c>/api/receivers</c>: the devices of clusters in scope, with their health; admins register them (the secret is shown once), rotate secrets and remove them.</summary>
public static class ReceiverEndpoints
{
    public static RouteGroupBuilder MapReceiverEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var receivers = api.MapGroup("/receivers").WithTags("Receivers").RequireAuthorization(AuthPolicies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        receivers.MapGet("/", ListAsync)
            .WithSummary("Receivers of one cluster (clusterId), or of every cluster in an area (areaId; default: the caller's scope), with health.")
            .Produces<IReadOnlyList<ReceiverView>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        receivers.MapGet("/{id:long}", GetAsync)
            .WithSummary("One receiver, with health.")
            .Produces<ReceiverView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        receivers.MapPost("/", CreateAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Registers a receiver; the response carries its device secret, shown this once.")
            .Produces<ReceiverSecretResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        receivers.MapPost("/{id:long}/secret", RotateSecretAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Replaces the device secret: the old one stops working and whatever logged in with it is disconnected; the new one is shown this once.")
            .Produces<ReceiverSecretResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        receivers.MapDelete("/{id:long}", DeleteAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Removes a receiver; its sessions end at once (token, media, control connection, speaker pages, HTTP streams).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(long? clusterId, long? areaId, HttpContext context, [FromServices] IReceiverRepository receivers, [FromServices] IClusterRepository clusters)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        IReadOnlyList<Receiver> found;
        if (clusterId is long id)
        {
            var cluster = await ClusterEndpoints.RequireClusterAsync(clusters, id, context.RequestAborted).ConfigureAwait(false);
            scope.Require(ScopeAction.View, cluster.AreaId, $"Cluster {id}");
            found = await receivers.GetByClusterAsync(id, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            found = await receivers.GetInAreaAsync(scope.ViewableAreaOrScope(areaId), context.RequestAborted).ConfigureAwait(false);
        }

        var (devices, control, now) = Health(context);
        return Results.Ok(found.Select(receiver => ReceiverView.From(receiver, devices, control, now)).ToArray());
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, [FromServices] IReceiverRepository receivers, [FromServices] IClusterRepository clusters)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var (receiver, _) = await RequireReceiverInScopeAsync(scope, ScopeAction.View, id, receivers, clusters, context.RequestAborted).ConfigureAwait(false);
        var (devices, control, now) = Health(context);
        return Results.Ok(ReceiverView.From(receiver, devices, control, now));
    }

    private static async Task<IResult> CreateAsync(CreateReceiverRequest request, HttpContext context, [FromServices] IReceiverRepository receivers, [FromServices] IClusterRepository clusters)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var cluster = await ClusterEndpoints.RequireClusterAsync(clusters, request.ClusterId, context.RequestAborted).ConfigureAwait(false);
        scope.Require(ScopeAction.Manage, cluster.AreaId, $"Cluster {cluster.Id}");
        string secret = DeviceSecret.Generate();
        var receiver = await receivers.AddAsync(new NewReceiver(cluster.Id, request.Name, request.Kind, DeviceSecret.Hash(secret)), context.RequestAborted).ConfigureAwait(false);
        await ApiAudit.AppendAsync(context, scope.Caller, "receiver.created", "receiver", receiver.Id, cluster.AreaId, new { receiver.Name, receiver.ClusterId, receiver.Kind }).ConfigureAwait(false);
        var (devices, control, now) = Health(context);
        return Results.Created($"/api/receivers/{receiver.Id}", new ReceiverSecretResponse(ReceiverView.From(receiver, devices, control, now), secret));
    }

    private static async Task<IResult> RotateSecretAsync(long id, HttpContext context, [FromServices] IReceiverRepository receivers, [FromServices] IClusterRepository clusters)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var (receiver, cluster) = await RequireReceiverInScopeAsync(scope, ScopeAction.Manage, id, receivers, clusters, context.RequestAborted).ConfigureAwait(false);
        string secret = DeviceSecret.Generate();
        await receivers.ReplaceSecretHashAsync(id, DeviceSecret.Hash(secret), context.RequestAborted).ConfigureAwait(false);

        // A new secret is given when the old one leaked (a stolen or resold device): whoever logged in with it is cut off.
        int closed = context.RequestServices.GetService<IDeviceControl>()?.EndSessions(id, forgetHealth: false) ?? 0;
        await ApiAudit.AppendAsync(context, scope.Caller, "receiver.secret-rotated", "receiver", id, cluster.AreaId, new { connectionsClosed = closed }).ConfigureAwait(false);
        var (devices, control, now) = Health(context);
        return Results.Ok(new ReceiverSecretResponse(ReceiverView.From(receiver, devices, control, now), secret));
    }

    private static async Task<IResult> DeleteAsync(long id, HttpContext context, [FromServices] IReceiverRepository receivers, [FromServices] IClusterRepository clusters)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var (receiver, cluster) = await RequireReceiverInScopeAsync(scope, ScopeAction.Manage, id, receivers, clusters, context.RequestAborted).ConfigureAwait(false);
        await receivers.DeleteAsync(id, context.RequestAborted).ConfigureAwait(false);
        int closed = context.RequestServices.GetService<IDeviceControl>()?.EndSessions(id, forgetHealth: true) ?? 0;
        await ApiAudit.AppendAsync(context, scope.Caller, "receiver.deleted", "receiver", id, cluster.AreaId, new { receiver.Name, connectionsClosed = closed }).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<(Receiver Receiver, Cluster Cluster)> RequireReceiverInScopeAsync(
        CallerScope scope, ScopeAction action, long id, IReceiverRepository receivers, IClusterRepository clusters, CancellationToken cancellationToken)
    {
        var receiver = await receivers.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainNotFoundException(DomainErrors.ReceiverNotFound, $"There is no receiver {id}.");
        var cluster = await ClusterEndpoints.RequireClusterAsync(clusters, receiver.ClusterId, cancellationToken).ConfigureAwait(false);
        scope.Require(action, cluster.AreaId, $"Receiver {id}");
        return (receiver, cluster);
    }

    // The device protocol (heartbeats) and the media registry exist only once device delivery is wired; without
    // them, receivers have no health.
    private static (IDeviceMediaRegistry? Devices, IReadOnlyDictionary<long, DeviceHealth>? Control, DateTimeOffset Now) Health(HttpContext context)
    {
        Dictionary<long, DeviceHealth>? control = null;
        if (context.RequestServices.GetService<IDeviceControl>() is { } devices)
        {
            control = [];
            foreach (DeviceHealth health in devices.GetHealth())
            {
                control[health.ReceiverId] = health;
            }
        }

        return (context.RequestServices.GetService<IDeviceMediaRegistry>(), control, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}
