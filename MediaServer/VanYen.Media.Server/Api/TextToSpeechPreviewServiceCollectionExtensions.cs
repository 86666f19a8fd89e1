using Microsoft.Extensions.DependencyInjection.Extensions;
using VanYen.Media.Engine.Sources.Tts;

namespace VanYen.Media.Server.Api;

/// <summary>
/// Registers the text-to-speech engine the preview uses: espeak-ng behind a <see cref="TextToSpeechCache"/> in the data
/// folder. <c>TryAdd</c>, the same registration as the broadcasting side's, so there is one cache whichever comes first.
/// </summary>
public static class TextToSpeechPreviewServiceCollectionExtensions
{
    /// <summary>The render cache's folder in the data folder.</summary>
    public const string CacheDirectoryName = "tts-cache";

    public static IServiceCollection AddTextToSpeechPreview(this IServiceCollection services, string dataDirectory)
    {
        services.TryAddSingleton(provider => new TextToSpeechCache(
            new EspeakTextToSpeechEngine(),
            Path.Combine(dataDirectory, CacheDirectoryName),
            timeProvider: provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITextToSpeechEngine>(provider => provider.GetRequiredService<TextToSpeechCache>());
        return services;
    }
}
