using VanYen.Media.Engine.Audio.Loudness;

namespace VanYen.Media.Engine.Tests.Audio.Loudness;

/// <summary>Signals of known loudness for the loudness tests: tones, EBU Tech 3341 style sequences, speech-like noise.</summary>
internal static class LoudnessTestSignals
{
    public const int SampleRate = 48000;

    /// <summary>A sine of <paramref name="peakDecibels"/> dBFS peak (0 dBFS = 32768; a full-scale sine clips at 32767).</summary>
    public static short[] Sine(double frequency, double peakDecibels, double seconds, int sampleRate = SampleRate)
    {
        int length = (int)Math.Round(seconds * sampleRate);
        double amplitude = 32768 * Math.Pow(10, peakDecibels / 20);
        var samples = new short[length];
        for (int i = 0; i < length; i++)
        {
            double value = amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate);
            samples[i] = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>
    /// The mono equivalent of EBU Tech 3341's stereo test tones: both channels at <paramref name="channelDecibels"/> dBFS
    /// sum two channels' energy, which one channel carries at +3.01 dB.
    /// </summary>
    public static short[] StereoEquivalentSine(double channelDecibels, double seconds) =>
        Sine(1000, channelDecibels + (10 * Math.Log10(2)), seconds);

    /// <summary>Joins signals end to end.</summary>
    public static short[] Concatenate(params short[][] parts)
    {
        int length = 0;
        foreach (short[] part in parts)
        {
            length += part.Length;
        }

        var samples = new short[length];
        int offset = 0;
        foreach (short[] part in parts)
        {
            part.CopyTo(samples, offset);
            offset += part.Length;
        }

        return samples;
    }

    /// <summary>
    /// Speech-like noise at about <paramref name="loudness"/> LUFS: low-passed noise with syllable-rate
    /// (4 Hz) modulation, 300 ms pauses every 1.5 s and a -70 dBFS floor in the pauses.
    /// </summary>
    public static short[] SpeechLike(int seed, double loudness, double seconds)
    {
        int length = (int)(seconds * SampleRate);
        var random = new Random(seed);
        var values = new double[length];
        double lowPassed = 0;
        for (int i = 0; i < length; i++)
        {
            double t = (double)i / SampleRate;
            double noise = (random.NextDouble() * 2) - 1;
            lowPassed += (noise - lowPassed) * 0.25;
            bool pause = t % 1.5 >= 1.2;
            double syllables = 0.35 + (0.65 * Math.Abs(Math.Sin(2 * Math.PI * 2 * t)));
            values[i] = pause ? noise * 0.0003 : lowPassed * syllables;
        }

        return Scale(values, loudness);
    }

    /// <summary>Seeded white noise at about <paramref name="loudness"/> LUFS.</summary>
    public static short[] Noise(int seed, double loudness, double seconds)
    {
        int length = (int)(seconds * SampleRate);
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (random.NextDouble() * 2) - 1;
        }

        return Scale(values, loudness);
    }

    /// <summary>Samples [<paramref name="fromSeconds"/>, end).</summary>
    public static short[] From(short[] samples, double fromSeconds) => samples[(int)(fromSeconds * SampleRate)..];

    private static short[] Scale(double[] values, double loudness)
    {
        var unit = new short[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            unit[i] = (short)Math.Round(values[i] * 3000);
        }

        double measured = LoudnessAnalysis.MeasureIntegrated(unit);
        double factor = 3000 * Math.Pow(10, (loudness - measured) / 20);
        var samples = new short[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            samples[i] = (short)Math.Clamp(Math.Round(values[i] * factor), short.MinValue, short.MaxValue);
        }

        return samples;
    }
}
