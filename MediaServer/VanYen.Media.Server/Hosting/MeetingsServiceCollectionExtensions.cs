using System.Net;
using Microsoft.Extensions.Options;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Server.Api;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Meetings;
using VanYen.Media.Signaling.Contracts.Meetings;
using VanYen.Media.Signaling.Hosting;

namespace VanYen.Media.Server.Hosting;

/// <summary>Registers and maps meetings (họp trực tuyến): the registry, the audio bridge, the REST API and the hub.</summary>
public static class MeetingsServiceCollectionExtensions
{
    /// <summary>The folder of the recordings inside the data folder.</summary>
    public const string RecordingsFolder = "meetings";

    /// <summary>Adds the meeting services; call after the media engine's registrations.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MeetingsOptions>()
            .Bind(configuration.GetSection(MeetingsOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(options => options.AnnouncedAddress is null || IPAddress.TryParse(options.AnnouncedAddress, out _), "VanYen:Meetings:AnnouncedAddress must be an IP address")
            .Validate(options => options.SampleRate is 16000 or 48000, "VanYen:Meetings:SampleRate must be 16000 or 48000")
            .ValidateOnStart();
        services.AddSingleton<MeetingRegistry>();
        services.AddSingleton(provider => new MeetingRecordingStore(
            Path.Combine(provider.GetRequiredService<IOptions<MediaServerOptions>>().Value.DataDirectoryFullPath, RecordingsFolder)));
        services.AddSingleton(CreateMediaService);
        services.AddSingleton<IMeetingMediaService>(provider => provider.GetRequiredService<MeetingMediaService>());
        services.AddSingleton<IMeetingNotifier, MeetingHubNotifier>();
        services.AddSingleton(provider => new MeetingService(
            provider.GetRequiredService<MeetingRegistry>(),
            provider.GetRequiredService<IMeetingMediaService>(),
            provider.GetRequiredService<IMeetingNotifier>(),
            provider.GetRequiredService<MeetingRecordingStore>(),
            provider.GetService<IBroadcastService>(),
            provider.GetRequiredService<IAuditLog>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<MeetingService>>()));
        services.AddSingleton<IMeetingConductor>(provider => provider.GetRequiredService<MeetingService>());
        return services;
    }

    private static MeetingMediaService CreateMediaService(IServiceProvider provider)
    {
        MeetingsOptions meetings = provider.GetRequiredService<IOptions<MeetingsOptions>>().Value;
        MediaServerOptions server = provider.GetRequiredService<IOptions<MediaServerOptions>>().Value;

        // The plain RTP socket is IPv4 when the media sockets are dual-stack ("::"): gateways and consoles are
        // addressed by IPv4, and a dual-stack socket would see them as ::ffff:a.b.c.d instead of the address they joined with.
        IPAddress bind = IPAddress.TryParse(server.MediaBindAddress, out IPAddress? parsed) && !parsed.Equals(IPAddress.IPv6Any) ? parsed : IPAddress.Any;
        var defaults = new MeetingMediaOptions();
        MeetingMediaOptions options = defaults with
        {
            RtpEndPoint = new IPEndPoint(bind, meetings.RtpPort),
            AnnouncedAddress = meetings.AnnouncedAddress is null ? null : IPAddress.Parse(meetings.AnnouncedAddress),
            MaxTalkers = meetings.MaxTalkers,
            SampleRate = meetings.SampleRate,
            Encoder = defaults.Encoder with { Complexity = meetings.EncoderComplexity },
        };
        return new MeetingMediaService(
            provider.GetRequiredService<RoomService>(),
            provider.GetRequiredService<MediaClock>(),
            options,
            provider.GetRequiredService<ILoggerFactory>());
    }

    /// <summary>Maps <c>/api/meetings</c> and the hub <c>/hubs/meeting</c>.</summary>
    public static WebApplication MapMeetings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api").MapMeetingEndpoints();
        app.MapMeetingHub();
        return app;
    }
}
