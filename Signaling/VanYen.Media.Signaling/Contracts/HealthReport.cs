namespace VanYen.Media.Signaling.Contracts;

/// <summary>The body of <c>GET /healthz</c>.</summary>
/// <param name="Status">"Healthy", "Degraded" or "Unhealthy".</param>
/// <param name="Version">The server's version.</param>
/// <param name="InstanceId">This server's persistent identity (kept in its database).</param>
/// <param name="OpusBackend">"native" (libopus) or "managed" (Concentus' C# code).</param>
/// <param name="MediaPorts">The UDP media sockets bound, with their traffic counters.</param>
/// <param name="Checks">Each health check's own status and description.</param>
public sealed record HealthReport(
    string Status,
    string Version,
    string InstanceId,
    string OpusBackend,
    IReadOnlyList<MediaPortStatus> MediaPorts,
    IReadOnlyList<HealthCheckStatus> Checks);
