using VanYen.Media.Engine.Sources.Tts;

namespace VanYen.Media.Engine.Tests.Sources.Tts;

/// <summary>
/// A deterministic engine for tests: each sentence becomes a tone of <see cref="SamplesPerCharacter"/> samples
/// per character, so lengths are predictable; counts calls and can be made to wait or fail.
/// </summary>
internal sealed class FakeTextToSpeechEngine : ITextToSpeechEngine
{
    private int _calls;

    public int SamplesPerCharacter { get; init; } = 480;

    public Func<string, CancellationToken, Task>? BeforeRender { get; init; }

    public string? FailOn { get; init; }

    public string Name => "fake";

    public int Calls => Volatile.Read(ref _calls);

    public int LengthOf(string text) => text.Length * SamplesPerCharacter;

    public async Task<SynthesizedSpeech> SynthesizeAsync(string text, TextToSpeechVoice voice, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (BeforeRender is not null)
        {
            await BeforeRender(text, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (text == FailOn)
        {
            throw new TextToSpeechException("fake failure on " + text);
        }

        var samples = new short[LengthOf(text)];
        int seed = text.GetHashCode(StringComparison.Ordinal) ^ voice.Pitch;
        for (int index = 0; index < samples.Length; index++)
        {
            samples[index] = (short)((((index * 7) + seed) % 2000) - 1000);
        }

        return SynthesizedSpeech.Copy(samples);
    }
}
