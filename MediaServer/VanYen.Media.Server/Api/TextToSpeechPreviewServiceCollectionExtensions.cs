using Microsoft.Extensions.DependencyInjection.Extensions;
using VanYen.Media.Engine.Sources.Tts;

namespace VanYen.Media.Server.Api;

/// <summary>Registers the text-to-speech renderer (if nobody else did) and loads the users' abbreviations into it at start.</summary>
public static class TextToSpeechPreviewServiceCollectionExtensions
{
    /// <summary>The render cache's folder in the data folder.</summary>
    public const string CacheDirectoryName = "tts-cache";

    public static IServiceCollection AddTextToSpeechPreview(this IServiceCollection services, string dataDirectory)
    {
        services.TryAddSingleton(provider => new TextToSpeechRenderer(
            new TextToSpeechCache(new EspeakTextToSpeechEngine(), Path.Combine(dataDirectory, CacheDirectoryName), timeProvider: provider.GetRequiredService<TimeProvider>()),
            new VietnameseTextNormalizer()));
        services.AddHostedService<TtsAbbreviationLoader>();
        return services;
    }
}
