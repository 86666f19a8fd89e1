namespace VanYen.Media.Signaling.Contracts;

/// <summary>One health check's outcome inside <see cref="HealthReport"/>.</summary>
/// <param name="Name">The check's name.</param>
/// <param name="Status">"Healthy", "Degraded" or "Unhealthy".</param>
/// <param name="Description">What the check found.</param>
public sealed record HealthCheckStatus(string Name, string Status, string? Description);
