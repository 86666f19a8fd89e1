using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>At start, adds the abbreviations users stored (<see cref="ITtsAbbreviationRepository"/>) to the renderer's normalizer.</summary>
public sealed class TtsAbbreviationLoader : IHostedService
{
    private readonly ITtsAbbreviationRepository _abbreviations;
    private readonly TextToSpeechRenderer _renderer;

    public TtsAbbreviationLoader(ITtsAbbreviationRepository abbreviations, TextToSpeechRenderer renderer)
    {
        _abbreviations = abbreviations;
        _renderer = renderer;
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await _abbreviations.GetAllAsync(cancellationToken).ConfigureAwait(false))
        {
            _renderer.Normalizer.AddAbbreviation(entry.Abbreviation, entry.Expansion);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
