using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Signaling.Hosting;

/// <summary>Registers the signaling hubs; call after the engine's registrations.</summary>
public static class SignalingServiceCollectionExtensions
{
    /// <summary>The largest hub message accepted: an SDP of <c>64 KiB</c> plus its JSON escaping, so an oversized SDP gets a clear error rather than a dropped connection.</summary>
    public const long MaximumReceiveMessageSize = 160 * 1024;

    public static IServiceCollection AddMediaSignaling(this IServiceCollection services)
    {
        services.AddSignalR(options => options.MaximumReceiveMessageSize = MaximumReceiveMessageSize);
        services.TryAddSingleton<IRoomService, UnavailableRoomService>();
        services.AddHostedService<SessionClosedNotifier>();
        return services;
    }
}
