namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>POST /api/testing/clock/advance</c>.</summary>
/// <param name="Seconds">How far to move the scheduler's clock forward, 0 to 31 days.</param>
public sealed record ClockAdvanceRequest(double Seconds);
