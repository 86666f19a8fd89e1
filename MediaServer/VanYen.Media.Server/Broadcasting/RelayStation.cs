namespace VanYen.Media.Server.Broadcasting;

/// <summary>A radio station announcers may relay (tiếp sóng), from <c>VanYen:Relay:Stations</c>.</summary>
public sealed class RelayStation
{
    /// <summary>The id a broadcast command names (<c>source.stationId</c>), e.g. <c>vov1</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The name shown on the console, e.g. "VOV1 — Thời sự".</summary>
    public string Name { get; set; } = "";

    /// <summary>The stream URL first, then alternates tried in order.</summary>
    public IList<string> Urls { get; } = [];

    /// <summary>The library item played when every URL fails or goes silent; optional.</summary>
    public long? FallbackLibraryItemId { get; set; }
}
