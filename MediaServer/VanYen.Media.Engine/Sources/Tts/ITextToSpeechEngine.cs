namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>
/// Renders one sentence of (already normalized) text to 48 kHz mono PCM. espeak-ng today
/// (<see cref="EspeakTextToSpeechEngine"/>); a neural voice can implement the same contract.
/// </summary>
public interface ITextToSpeechEngine
{
    /// <summary>Identifies the engine and its version in cache keys ("espeak-ng"), so a new engine never serves an old render.</summary>
    string Name { get; }

    /// <summary>Renders <paramref name="text"/> with <paramref name="voice"/>; the caller disposes the result.</summary>
    /// <exception cref="TextToSpeechException">The engine is missing, refused the voice or failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; any work in progress was stopped.</exception>
    Task<SynthesizedSpeech> SynthesizeAsync(string text, TextToSpeechVoice voice, CancellationToken cancellationToken);
}
