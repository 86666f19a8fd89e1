using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VanYen.Media.Signaling.Contracts.Broadcast;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Signaling.Hosting;

/// <summary>Registers and maps the <see cref="BroadcastHub"/>; the host registers its <see cref="IBroadcastConsole"/>.</summary>
public static class BroadcastHubExtensions
{
    /// <summary>Adds the push of broadcast changes to the consoles (needs an <see cref="IBroadcastConsole"/> and SignalR).</summary>
    public static IServiceCollection AddBroadcastHub(this IServiceCollection services)
    {
        services.AddHostedService<BroadcastChangeNotifier>();
        return services;
    }

    /// <summary>Maps <see cref="BroadcastHub"/> at <see cref="BroadcastHub.Path"/>.</summary>
    public static IEndpointRouteBuilder MapBroadcastHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<BroadcastHub>(BroadcastHub.Path);
        return endpoints;
    }
}
