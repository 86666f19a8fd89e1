using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Broadcasting;

namespace VanYen.Media.Server.Api;

/// <summary><c>GET /api/relay/stations</c>: the stations configured under <c>VanYen:Relay:Stations</c>.</summary>
public static class RelayStationEndpoints
{
    public static RouteGroupBuilder MapRelayStationEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/relay/stations", ListStations)
            .RequireAuthorization(AuthPolicies.SignedIn)
            .WithTags("Broadcasts")
            .WithSummary("The radio stations that may be relayed (tiếp sóng); POST /api/broadcasts names one as source.stationId.")
            .Produces<IReadOnlyList<RelayStationView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static IResult ListStations([FromServices] RelayStationCatalog catalog) =>
        Results.Ok(catalog.Stations.Select(station => new RelayStationView(station.Id, station.Name, station.Urls.ToArray(), station.FallbackLibraryItemId)).ToArray());
}
