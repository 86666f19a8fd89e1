using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Server.Api;
using VanYen.Media.Server.Consultations;
using VanYen.Media.Signaling.Contracts.Consultations;
using VanYen.Media.Signaling.Hosting;

namespace VanYen.Media.Server.Hosting;

/// <summary>Registers and maps teleconsultation calls: the service, its hub, its REST API and its timer.</summary>
public static class ConsultationsServiceCollectionExtensions
{
    /// <summary>The options (<c>VanYen:Consultations</c>), the SFU, <see cref="ConsultationService"/> and the hub's pushes.</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConsultationOptions>()
            .Bind(configuration.GetSection(ConsultationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => new ForwardingService(
            provider.GetRequiredService<RoomService>(),
            ForwardingOptionsFrom(configuration, provider.GetRequiredService<TimeProvider>()),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IForwardingService>(provider => provider.GetRequiredService<ForwardingService>());
        services.AddSingleton<ConsultationService>();
        services.AddSingleton<IConsultationCalls>(provider => provider.GetRequiredService<ConsultationService>());
        services.AddConsultHub();
        services.AddHostedService<ConsultationTimer>();
        return services;
    }

    /// <summary>The SFU's settings from <c>VanYen:Consultations:Forwarding</c> (packet cache, throttles), on the host's clock.</summary>
    public static ForwardingOptions ForwardingOptionsFrom(IConfiguration configuration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ForwardingOptions configured = configuration.GetSection(ConsultationOptions.SectionName + ":Forwarding").Get<ForwardingOptions>() ?? new ForwardingOptions();
        return configured with { TimeProvider = time };
    }

    /// <summary>Maps <c>/api/consultations</c> and <c>/hubs/consult</c>.</summary>
    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        bool faultInjection = endpoints.ServiceProvider.GetRequiredService<IConfiguration>()
            .GetValue<bool>(ConsultationOptions.SectionName + ":" + nameof(ConsultationOptions.EnableFaultInjection));
        endpoints.MapConsultationEndpoints(faultInjection);
        endpoints.MapConsultHub();
        return endpoints;
    }
}
