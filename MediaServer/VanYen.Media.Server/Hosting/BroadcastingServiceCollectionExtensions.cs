using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Sources.Live;
using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Library;
using VanYen.Media.Server.Schedules;

namespace VanYen.Media.Server.Hosting;

/// <summary>Registers broadcasts: the service, schedules and their scheduler, the audio library, TTS and relays.</summary>
public static class BroadcastingServiceCollectionExtensions
{
    /// <summary>The TTS render cache's folder under the data folder.</summary>
    public const string TextToSpeechCacheFolder = "tts-cache";

    /// <summary>
    /// Adds <see cref="IBroadcastService"/>, <see cref="IAudioLibrary"/>, the schedule store and
    /// <see cref="BroadcastScheduler"/>, the espeak-ng engine behind a <see cref="TextToSpeechCache"/> (as
    /// <see cref="ITextToSpeechEngine"/>) and the relay factory (<see cref="RelaySourceFactory"/>, settings <see cref="RelayOptions.SectionName"/>; replace <see cref="IRelaySourceFactory"/> to
    /// change it), and the <see cref="BroadcastEngine"/> on the <see cref="MediaClock"/> of
    /// <see cref="MediaEngineServiceCollectionExtensions.AddMediaEngine"/>. Needs
    /// <see cref="BroadcastDomainServiceCollectionExtensions.AddBroadcastDomain"/> and <c>AddMediaEngine</c>.
    /// </summary>
    public static IServiceCollection AddBroadcasting(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new TextToSpeechCache(
            new EspeakTextToSpeechEngine(),
            Path.Combine(provider.GetRequiredService<IOptions<MediaServerOptions>>().Value.DataDirectoryFullPath, TextToSpeechCacheFolder),
            timeProvider: provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITextToSpeechEngine>(provider => provider.GetRequiredService<TextToSpeechCache>());
        services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.SectionName);
        services.TryAddSingleton<IRelaySourceFactory>(provider => new RelaySourceFactory(
            provider.GetRequiredService<IOptions<RelayOptions>>().Value,
            provider.GetRequiredService<Audit.IAuditLog>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));

        // Live RTP/Opus from hardware consoles: the RTP port's handler (DeviceMediaEndpoint) routes to it by SSRC.
        services.TryAddSingleton(provider => new RtpIngestRegistry(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(CreateEngine);
        services.TryAddSingleton<IBroadcastEngine>(provider => provider.GetRequiredService<BroadcastEngine>());

        services.AddSingleton<IBroadcastScheduleStore, SqliteBroadcastScheduleStore>();
        services.AddSingleton<AudioLibrary>(provider => new AudioLibrary(
            provider.GetRequiredService<Domain.Sqlite.SqliteDomainTransactions>(),
            provider.GetRequiredService<Domain.IAreaRepository>(),
            provider.GetRequiredService<Audit.IAuditLog>(),
            provider.GetRequiredService<IBroadcastScheduleStore>(),
            provider.GetRequiredService<IOptions<MediaServerOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AudioLibrary>>()));
        services.AddSingleton<IAudioLibrary>(provider => provider.GetRequiredService<AudioLibrary>());
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<IBroadcastService>(provider => provider.GetRequiredService<BroadcastService>());
        services.AddOptions<RelayStationOptions>().BindConfiguration(RelayOptions.SectionName);
        services.TryAddSingleton<RelayStationCatalog>();
        services.AddOptions<Testing.TestingOptions>().BindConfiguration(Testing.TestingOptions.SectionName);
        services.TryAddSingleton<Testing.SchedulerClock>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<BroadcastScheduler>(provider, provider.GetRequiredService<Testing.SchedulerClock>().Time));
        services.AddHostedService(provider => provider.GetRequiredService<BroadcastScheduler>());
        return services;
    }

    /// <summary>The engine ticks on the shared media clock (started here if the rooms have not started it yet).</summary>
    private static BroadcastEngine CreateEngine(IServiceProvider provider)
    {
        MediaClock clock = provider.GetRequiredService<MediaClock>();
        var engine = new BroadcastEngine(clock, timeProvider: provider.GetRequiredService<TimeProvider>(), logger: provider.GetRequiredService<ILogger<BroadcastEngine>>());
        clock.Start();
        return engine;
    }
}
