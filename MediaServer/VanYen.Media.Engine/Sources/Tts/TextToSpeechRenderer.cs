using System.Buffers.Binary;
using System.Runtime.InteropServices;
using VanYen.Media.Engine.Audio.Wav;

namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>
/// What the host calls for text-to-speech: normalizes the text, then either streams it to the program
/// bus (<see cref="CreateSource"/>) or renders it whole as a WAV for the console's preview button
/// (<see cref="RenderWavAsync"/>). Give it a <see cref="TextToSpeechCache"/> as the engine to reuse renders.
/// </summary>
public sealed class TextToSpeechRenderer
{
    /// <summary>Uses <paramref name="engine"/> (usually a <see cref="TextToSpeechCache"/> around espeak-ng) and <paramref name="normalizer"/>.</summary>
    public TextToSpeechRenderer(ITextToSpeechEngine engine, VietnameseTextNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(normalizer);
        Engine = engine;
        Normalizer = normalizer;
    }

    /// <summary>The engine sentences are rendered with.</summary>
    public ITextToSpeechEngine Engine { get; }

    /// <summary>The normalizer (and its abbreviation table) the text goes through first.</summary>
    public VietnameseTextNormalizer Normalizer { get; }

    /// <summary>A source that starts synthesizing <paramref name="text"/> now and plays it sentence by sentence.</summary>
    public TextToSpeechSource CreateSource(string text, TextToSpeechVoice voice, int lookAhead = TextToSpeechSource.DefaultLookAhead)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextToSpeechSource(Engine, Normalizer.NormalizeSentences(text), voice, lookAhead);
    }

    /// <summary>Renders all of <paramref name="text"/> into one 48 kHz mono 16-bit WAV file.</summary>
    /// <exception cref="TextToSpeechException">The engine failed.</exception>
    public async Task<byte[]> RenderWavAsync(string text, TextToSpeechVoice voice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        var renders = new List<SynthesizedSpeech>();
        try
        {
            long samples = 0;
            foreach (string sentence in Normalizer.NormalizeSentences(text))
            {
                SynthesizedSpeech speech = await Engine.SynthesizeAsync(sentence, voice, cancellationToken).ConfigureAwait(false);
                renders.Add(speech);
                samples += speech.Length;
            }

            long dataLength = samples * 2;
            if (dataLength > int.MaxValue - WavHeader.CanonicalLength)
            {
                throw new TextToSpeechException("The text is too long to preview as one WAV file.");
            }

            byte[] wav = new byte[WavHeader.CanonicalLength + dataLength];
            WavHeader.WritePcm16(wav, SynthesizedSpeech.SampleRate, 1, (uint)dataLength);
            int offset = WavHeader.CanonicalLength;
            foreach (SynthesizedSpeech speech in renders)
            {
                Span<byte> target = wav.AsSpan(offset, speech.Length * 2);
                MemoryMarshal.AsBytes(speech.Samples.Span).CopyTo(target);
                if (!BitConverter.IsLittleEndian)
                {
                    BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, short>(target), MemoryMarshal.Cast<byte, short>(target));
                }

                offset += target.Length;
            }

            return wav;
        }
        finally
        {
            foreach (SynthesizedSpeech speech in renders)
            {
                speech.Dispose();
            }
        }
    }
}
