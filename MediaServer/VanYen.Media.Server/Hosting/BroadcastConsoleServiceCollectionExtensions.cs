using VanYen.Media.Server.Consoles;
using VanYen.Media.Server.Streams;
using VanYen.Media.Signaling.Contracts.Broadcast;
using VanYen.Media.Signaling.Hosting;

namespace VanYen.Media.Server.Hosting;

/// <summary>Registers and maps the other ways a cluster's program reaches listeners (HTTP streams, WebRTC) and the consoles' hub.</summary>
public static class BroadcastConsoleServiceCollectionExtensions
{
    /// <summary>The MP3 encoders per cluster, the <see cref="IBroadcastConsole"/>, the hub's change pushes, the receivers' status every 5 s (<see cref="ReceiverStatusPublisher"/>), the clusters' program levels (<see cref="ClusterLevelPublisher"/>) and what each cluster plays for the speaker pages (<see cref="ClusterNowPlaying"/>).</summary>
    public static IServiceCollection AddBroadcastConsoles(this IServiceCollection services)
    {
        services.AddSingleton<Mp3ClusterStreams>();
        services.AddSingleton<BroadcastConsole>();
        services.AddSingleton<IBroadcastConsole>(provider => provider.GetRequiredService<BroadcastConsole>());
        services.AddBroadcastHub();
        services.AddHostedService<ReceiverStatusPublisher>();
        services.AddHostedService<ClusterLevelPublisher>();
        services.AddSingleton<ClusterNowPlaying>();
        services.AddHostedService(provider => provider.GetRequiredService<ClusterNowPlaying>());
        return services;
    }

    /// <summary>Maps <c>/api/clusters/{id}/stream.ogg|mp3</c>, <c>/hubs/broadcast</c> and <c>/api/speaker/status</c>.</summary>
    public static IEndpointRouteBuilder MapBroadcastConsoles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapClusterStreams();
        endpoints.MapBroadcastHub();
        endpoints.MapSpeakerEndpoints();
        return endpoints;
    }
}
