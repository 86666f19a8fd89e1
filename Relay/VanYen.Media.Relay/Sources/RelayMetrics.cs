using System.Diagnostics.Metrics;

namespace VanYen.Media.Relay.Sources;

/// <summary>Process-wide relay counters (meter "VanYen.Media.Relay").</summary>
internal static class RelayMetrics
{
    public const string MeterName = "VanYen.Media.Relay";

    public const string TransitionsName = "vanyen.relay.transitions";

    private static readonly Meter _meter = new(MeterName);

    /// <summary>Relay transitions, tagged with <c>kind</c> (a <see cref="RelayTransitionKind"/> in snake case: "connected", "fell_back_to_file"...).</summary>
    public static readonly Counter<long> Transitions = _meter.CreateCounter<long>(TransitionsName, unit: "{transition}");

    public static string TagValue(RelayTransitionKind kind) => kind switch
    {
        RelayTransitionKind.Connected => "connected",
        RelayTransitionKind.Failed => "failed",
        RelayTransitionKind.Stalled => "stalled",
        RelayTransitionKind.Silent => "silent",
        RelayTransitionKind.Retrying => "retrying",
        RelayTransitionKind.SwitchedUrl => "switched_url",
        RelayTransitionKind.FellBackToFile => "fell_back_to_file",
        RelayTransitionKind.GaveUp => "gave_up",
        _ => "unknown",
    };
}
