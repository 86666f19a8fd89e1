using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VanYen.Media.Signaling.Contracts.Consultations;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Signaling.Hosting;

/// <summary>Registers and maps the <see cref="ConsultHub"/>; the host registers its <see cref="IConsultationCalls"/>.</summary>
public static class ConsultHubExtensions
{
    /// <summary>Adds the delivery of <see cref="IConsultationCalls.Pushed"/> messages (needs SignalR).</summary>
    public static IServiceCollection AddConsultHub(this IServiceCollection services)
    {
        services.AddHostedService<ConsultationPushNotifier>();
        return services;
    }

    /// <summary>Maps <see cref="ConsultHub"/> at <see cref="ConsultHub.Path"/>.</summary>
    public static IEndpointRouteBuilder MapConsultHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<ConsultHub>(ConsultHub.Path);
        return endpoints;
    }
}
