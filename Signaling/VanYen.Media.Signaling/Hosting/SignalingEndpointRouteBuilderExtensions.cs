using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Signaling.Hosting;

/// <summary>Maps the signaling hubs.</summary>
public static class SignalingEndpointRouteBuilderExtensions
{
    /// <summary>Maps <see cref="MediaHub"/> at <see cref="MediaHub.Path"/>.</summary>
    public static IEndpointRouteBuilder MapMediaSignaling(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<MediaHub>(MediaHub.Path);
        return endpoints;
    }
}
