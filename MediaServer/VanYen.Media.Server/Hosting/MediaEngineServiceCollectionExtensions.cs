using VanYen.Media.Server.Media;

namespace VanYen.Media.Server.Hosting;

/// <summary>Registers the media engine's parts with the host.</summary>
public static class MediaEngineServiceCollectionExtensions
{
    public static IServiceCollection AddMediaEngine(this IServiceCollection services)
    {
        services.AddSingleton<MediaDatagramRouter>();
        services.AddSingleton<MediaSocketHost>();
        services.AddHostedService(provider => provider.GetRequiredService<MediaSocketHost>());
        return services;
    }
}
