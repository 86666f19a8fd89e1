namespace VanYen.Media.Relay.Sources;

/// <summary>One step of a <see cref="RelaySource"/>'s life, for logs, the audit log and the console.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Url">The URL concerned; null for the fallback and for <see cref="RelayTransitionKind.GaveUp"/> without one.</param>
/// <param name="Reason">Why, in words (ffmpeg's error, "no data for 5 s", "below -40 dBFS for 20 s"...).</param>
/// <param name="At">When, from the source's <see cref="TimeProvider"/>.</param>
public sealed record class RelayTransition(RelayTransitionKind Kind, Uri? Url, string Reason, DateTimeOffset At);
