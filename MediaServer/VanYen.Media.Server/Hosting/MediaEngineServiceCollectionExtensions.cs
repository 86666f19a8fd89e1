using Microsoft.Extensions.Options;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Server.Media;

namespace VanYen.Media.Server.Hosting;

/// <summary>Registers the media engine's parts with the host.</summary>
public static class MediaEngineServiceCollectionExtensions
{
    /// <summary>The DTLS certificate's file in the data folder.</summary>
    public const string DtlsCertificateFileName = "dtls-certificate.pem";

    public static IServiceCollection AddMediaEngine(this IServiceCollection services)
    {
        services.AddOptions<WebRtcOptions>()
            .BindConfiguration(WebRtcOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => TryParseProfiles(options.SrtpProfiles), "VanYen:WebRtc:SrtpProfiles must list AeadAes128Gcm and/or AesCm128HmacSha1_80")
            .ValidateOnStart();

        services.AddSingleton(provider => new IceLiteAgent(provider.GetRequiredService<TimeProvider>(), logger: provider.GetRequiredService<ILogger<IceLiteAgent>>()));
        services.AddSingleton(provider => new WebRtcEndpoint(
            provider.GetRequiredService<IceLiteAgent>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<WebRtcEndpoint>>()));
        services.AddSingleton(provider => DtlsCertificate.LoadOrCreate(
            Path.Combine(provider.GetRequiredService<IOptions<MediaServerOptions>>().Value.DataDirectoryFullPath, DtlsCertificateFileName),
            provider.GetRequiredService<ILogger<DtlsCertificate>>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new MediaClock(logger: provider.GetRequiredService<ILogger<MediaClock>>()));
        services.AddSingleton(CreateRoomService);
        services.AddSingleton<IRoomService>(provider => provider.GetRequiredService<RoomService>());

        services.AddSingleton(provider => new MediaDatagramRouter { WebRtc = provider.GetRequiredService<WebRtcEndpoint>() });
        services.AddSingleton<MediaSocketHost>();
        services.AddHostedService(provider => provider.GetRequiredService<MediaSocketHost>());
        return services;
    }

    private static RoomService CreateRoomService(IServiceProvider provider)
    {
        WebRtcOptions webRtc = provider.GetRequiredService<IOptions<WebRtcOptions>>().Value;
        MediaServerOptions server = provider.GetRequiredService<IOptions<MediaServerOptions>>().Value;
        var options = new RoomServiceOptions
        {
            AnnouncedAddresses = WebRtcAddresses.Resolve(webRtc.AnnouncedAddresses, server.MediaBindAddress),
            SrtpProfiles = RoomServiceOptions.ParseSrtpProfiles(webRtc.SrtpProfiles),
            DtlsHandshakeTimeout = webRtc.DtlsHandshakeTimeout,
        };
        return new RoomService(
            provider.GetRequiredService<WebRtcEndpoint>(),
            provider.GetRequiredService<DtlsCertificate>(),
            provider.GetRequiredService<MediaClock>(),
            options,
            provider.GetRequiredService<ILogger<RoomService>>());
    }

    private static bool TryParseProfiles(string text)
    {
        try
        {
            RoomServiceOptions.ParseSrtpProfiles(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
