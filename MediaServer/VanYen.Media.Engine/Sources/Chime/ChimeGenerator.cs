using VanYen.Media.Engine.Audio.Loudness;

namespace VanYen.Media.Engine.Sources.Chime;

/// <summary>
/// The pre-announcement chime played before a bulletin: a few bell-like notes (a sine with two softer
/// harmonics, soft attack, exponential decay), rendered once at 48 kHz mono, normalized to the same loudness
/// target as every source and peak-limited, then handed out as 20 ms frames. Rendering is pure arithmetic:
/// the same options give the same samples.
/// </summary>
public sealed class ChimeGenerator : IAudioSource
{
    /// <summary>Output sample rate in hertz.</summary>
    public const int SampleRate = 48000;

    /// <summary>Samples in one 20 ms output frame.</summary>
    public const int FrameLength = 960;

    private static readonly TimeSpan Attack = TimeSpan.FromMilliseconds(8);
    private static readonly TimeSpan FadeOut = TimeSpan.FromMilliseconds(200);

    private readonly short[] _samples;
    private int _position;

    /// <summary>Renders the chime.</summary>
    public ChimeGenerator(ChimeOptions? options = null)
    {
        _samples = Render(options);
    }

    private ChimeGenerator(short[] samples)
    {
        _samples = samples;
    }

    /// <summary>What plays, for logs.</summary>
    public string Description => "chime";

    /// <summary>The rendered chime, a whole number of 20 ms frames.</summary>
    public ReadOnlyMemory<short> Samples => _samples;

    /// <summary>The chime's length.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)_samples.Length / SampleRate);

    /// <summary>
    /// A generator over samples already rendered by <see cref="Render"/> (shared, not copied), so a server renders
    /// the chime once and plays it before many bulletins.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a positive whole number of 20 ms frames.</exception>
    public static ChimeGenerator FromRendered(short[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Length == 0 || samples.Length % FrameLength != 0)
        {
            throw new ArgumentException($"A rendered chime is a whole number of {FrameLength}-sample frames; got {samples.Length} samples.", nameof(samples));
        }

        return new ChimeGenerator(samples);
    }

    /// <summary>Renders the chime to 48 kHz mono samples, a whole number of 20 ms frames, at the target loudness.</summary>
    public static short[] Render(ChimeOptions? options = null)
    {
        options ??= new ChimeOptions();
        options.Validate();
        int frames = (int)Math.Ceiling(options.Duration.TotalSeconds * SampleRate / FrameLength);
        int length = frames * FrameLength;
        double[] signal = Synthesize(options, length);

        // A first rendering at a fixed scale measures the loudness; the gain then goes through the limiter.
        var unscaled = new short[length];
        for (int i = 0; i < length; i++)
        {
            unscaled[i] = (short)Math.Clamp(Math.Round(signal[i] * 8192), short.MinValue, short.MaxValue);
        }

        double loudness = LoudnessAnalysis.MeasureIntegrated(unscaled);
        double gain = LoudnessAnalysis.GainToTarget(loudness, options.TargetLoudness, -60, 60);
        var limiter = new Limiter(new LimiterOptions { CeilingDecibels = options.CeilingDecibels });
        int latency = limiter.LatencySamples;
        var limited = new float[length + latency];
        float scale = (float)(8192 * Math.Pow(10, gain / 20) / 32768);
        for (int i = 0; i < length; i++)
        {
            limited[i] = (float)signal[i] * scale;
        }

        limiter.Process(limited);
        var samples = new short[length];
        for (int i = 0; i < length; i++)
        {
            samples[i] = (short)Math.Clamp(MathF.Round(limited[i + latency] * 32768f), short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>Fills <paramref name="frame"/> with the next 20 ms of the chime.</summary>
    /// <returns><see cref="AudioSourceReadResult.Frame"/>, or <see cref="AudioSourceReadResult.EndOfStream"/> once the chime has been played.</returns>
    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken = default)
    {
        if (frame.Length < FrameLength)
        {
            throw new ArgumentException($"A frame holds {FrameLength} samples; got {frame.Length}.", nameof(frame));
        }

        // IAudioSource: a longer buffer is fine, the frame goes into its first 960 samples.
        frame = frame[..FrameLength];

        cancellationToken.ThrowIfCancellationRequested();
        if (_position >= _samples.Length)
        {
            return ValueTask.FromResult(AudioSourceReadResult.EndOfStream);
        }

        _samples.AsSpan(_position, FrameLength).CopyTo(frame.Span);
        _position += FrameLength;
        return ValueTask.FromResult(AudioSourceReadResult.Frame);
    }

    /// <summary>Nothing to release: the samples are plain memory.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Starts the chime again from its first frame.</summary>
    public void Rewind() => _position = 0;

    private static double[] Synthesize(ChimeOptions options, int length)
    {
        var signal = new double[length];
        double decay = options.Decay.TotalSeconds;
        int attack = (int)(Attack.TotalSeconds * SampleRate);
        for (int note = 0; note < options.Notes.Count; note++)
        {
            double frequency = options.Notes[note];
            int start = (int)Math.Round(note * options.NoteSpacing.TotalSeconds * SampleRate);
            for (int i = start; i < length; i++)
            {
                double t = (double)(i - start) / SampleRate;
                double phase = 2 * Math.PI * frequency * t;
                // A struck bar: the fundamental rings longest, the 2nd and 3rd harmonics fade faster.
                double tone = Math.Sin(phase) * Math.Exp(-t / decay)
                    + (0.3 * Math.Sin(2 * phase) * Math.Exp(-2 * t / decay))
                    + (0.1 * Math.Sin(3 * phase) * Math.Exp(-3 * t / decay));
                // A raised-cosine onset instead of a click.
                double envelope = i - start < attack ? 0.5 - (0.5 * Math.Cos(Math.PI * (i - start) / attack)) : 1;
                signal[i] += tone * envelope;
            }
        }

        int fade = (int)(FadeOut.TotalSeconds * SampleRate);
        for (int i = Math.Max(0, length - fade); i < length; i++)
        {
            double remaining = (double)(length - 1 - i) / fade;
            signal[i] *= 0.5 - (0.5 * Math.Cos(Math.PI * remaining));
        }

        return signal;
    }
}
