namespace VanYen.Media.Server.Api;

/// <summary>A relay station as <c>GET /api/relay/stations</c> lists it.</summary>
/// <param name="Id">The id a broadcast names as <c>source.stationId</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Urls">The stream URLs, first to last.</param>
/// <param name="FallbackLibraryItemId">The library item played when the stream fails, if any.</param>
public sealed record RelayStationView(string Id, string Name, IReadOnlyList<string> Urls, long? FallbackLibraryItemId);
