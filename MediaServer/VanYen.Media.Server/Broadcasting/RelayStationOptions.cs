namespace VanYen.Media.Server.Broadcasting;

/// <summary>The configured relay stations, from the configuration section <see cref="RelayOptions.SectionName"/> (key <c>Stations</c>).</summary>
public sealed class RelayStationOptions
{
    /// <summary>The stations, in the order the console lists them.</summary>
    public IList<RelayStation> Stations { get; } = [];
}
