namespace VanYen.Media.Server.Broadcasting;

/// <summary>The <c>reason</c> codes of relay station refusals.</summary>
public static class RelayStationErrors
{
    /// <summary>The command names a station that is not configured (404).</summary>
    public const string UnknownStation = "unknown-relay-station";
}
