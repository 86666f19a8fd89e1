using Microsoft.Extensions.Options;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>
/// The configured relay stations: lists them for the console and turns a command naming a station
/// (<see cref="BroadcastSource.StationId"/>) into one with the station's URLs and fallback, so the rest of the
/// broadcast path (validation, schedules, runs) sees an ordinary relay.
/// </summary>
public sealed class RelayStationCatalog
{
    private readonly IOptionsMonitor<RelayStationOptions> _options;

    public RelayStationCatalog(IOptionsMonitor<RelayStationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The stations that have an id and at least one URL.</summary>
    public IReadOnlyList<RelayStation> Stations =>
        _options.CurrentValue.Stations.Where(station => !string.IsNullOrWhiteSpace(station.Id) && station.Urls.Count > 0).ToArray();

    /// <summary>The station, or null.</summary>
    public RelayStation? Find(string id) =>
        Stations.FirstOrDefault(station => string.Equals(station.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The command with the station's URLs (and fallback, unless the command gives one) when its source names a
    /// station; unchanged otherwise. 404 for an unknown station, 400 when the command gives both a station and URLs.
    /// </summary>
    public BroadcastCommand Resolve(BroadcastCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Source is { StationId: not null } source ? command with { Source = ResolveSource(source) } : command;
    }

    /// <summary>The source with the station's URLs and fallback when it names a station (see <see cref="Resolve"/>).</summary>
    public BroadcastSource ResolveSource(BroadcastSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.StationId is not { } stationId)
        {
            return source;
        }

        if (source.Kind != BroadcastSourceKind.Relay)
        {
            throw new DomainValidationException(BroadcastErrors.InvalidCommand, "stationId is for relay bulletins (kind relay) only.");
        }

        if (source.RelayUrls is { Count: > 0 })
        {
            throw new DomainValidationException(BroadcastErrors.InvalidCommand, "Give either stationId or relayUrls, not both.");
        }

        RelayStation station = Find(stationId)
            ?? throw new DomainNotFoundException(RelayStationErrors.UnknownStation, $"No relay station '{stationId}': GET /api/relay/stations lists them.");
        return source with
        {
            RelayUrls = station.Urls.ToArray(),
            FallbackLibraryItemId = source.FallbackLibraryItemId ?? station.FallbackLibraryItemId,
        };
    }
}
