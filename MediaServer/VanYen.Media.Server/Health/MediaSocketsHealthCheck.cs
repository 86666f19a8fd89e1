using Microsoft.Extensions.Diagnostics.HealthChecks;
using VanYen.Media.Server.Media;

namespace VanYen.Media.Server.Health;

/// <summary>Healthy while every UDP media socket is bound and its receive loop runs.</summary>
public sealed class MediaSocketsHealthCheck(MediaSocketHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sockets = host.Sockets;
        if (sockets.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no media socket is bound"));
        }

        foreach (var socket in sockets)
        {
            if (socket.Completion.IsCompleted)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"the receive loop of {socket.Name} ({socket.LocalEndPoint}) has stopped"));
            }
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{sockets.Count} sockets receiving"));
    }
}
