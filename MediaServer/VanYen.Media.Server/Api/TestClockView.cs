namespace VanYen.Media.Server.Api;

/// <summary>The scheduler's clock after <c>POST /api/testing/clock/advance</c>.</summary>
/// <param name="Now">The scheduler's time now.</param>
/// <param name="OffsetSeconds">How far it is ahead of real time.</param>
public sealed record TestClockView(DateTimeOffset Now, double OffsetSeconds);
