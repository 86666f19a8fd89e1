namespace VanYen.Media.Engine.Tests.Audio;

/// <summary>Known test signals and the measures that compare what came out with what went in.</summary>
internal static class PcmTestSignals
{
    /// <summary>A sine tone of <paramref name="amplitude"/> (in sample units) at <paramref name="frequency"/> hertz.</summary>
    public static short[] Tone(double frequency, double amplitude, int sampleRate, int length, double phase = 0)
    {
        var samples = new short[length];
        for (int i = 0; i < length; i++)
        {
            double value = amplitude * Math.Sin((2 * Math.PI * frequency * i / sampleRate) + phase);
            samples[i] = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>A square wave alternating between +<paramref name="amplitude"/> and -<paramref name="amplitude"/> every <paramref name="halfPeriod"/> samples.</summary>
    public static short[] Square(short amplitude, int halfPeriod, int length)
    {
        var samples = new short[length];
        for (int i = 0; i < length; i++)
        {
            samples[i] = (i / halfPeriod) % 2 == 0 ? amplitude : (short)-amplitude;
        }

        return samples;
    }

    /// <summary>Seeded uniform noise in ±<paramref name="amplitude"/>: signals from different seeds are nearly uncorrelated.</summary>
    public static short[] Noise(int seed, int amplitude, int length)
    {
        var random = new Random(seed);
        var samples = new short[length];
        for (int i = 0; i < length; i++)
        {
            samples[i] = (short)random.Next(-amplitude, amplitude + 1);
        }

        return samples;
    }

    /// <summary>Σab / √(Σa² Σb²): 1 for the same shape, about 0 for unrelated signals, 0 when either is silent.</summary>
    public static double NormalizedCorrelation(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        int length = Math.Min(a.Length, b.Length);
        double product = 0;
        double energyA = 0;
        double energyB = 0;
        for (int i = 0; i < length; i++)
        {
            product += (double)a[i] * b[i];
            energyA += (double)a[i] * a[i];
            energyB += (double)b[i] * b[i];
        }

        return energyA == 0 || energyB == 0 ? 0 : product / Math.Sqrt(energyA * energyB);
    }

    /// <summary>The best normalized correlation of <paramref name="delayed"/> against <paramref name="reference"/> over delays 0..<paramref name="maximumDelay"/>, with the delay found.</summary>
    public static (double Correlation, int Delay) BestCorrelation(ReadOnlySpan<short> reference, ReadOnlySpan<short> delayed, int maximumDelay)
    {
        double best = double.MinValue;
        int bestDelay = 0;
        for (int delay = 0; delay <= maximumDelay; delay++)
        {
            double correlation = NormalizedCorrelation(reference, delayed[delay..]);
            if (correlation > best)
            {
                best = correlation;
                bestDelay = delay;
            }
        }

        return (best, bestDelay);
    }

    /// <summary>Sign changes: a tone of f hertz has about 2·f·duration of them.</summary>
    public static int ZeroCrossings(ReadOnlySpan<short> samples)
    {
        int crossings = 0;
        for (int i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings;
    }

    /// <summary>Every other sample (one channel) of interleaved stereo.</summary>
    public static short[] Channel(ReadOnlySpan<short> stereo, int channel)
    {
        var samples = new short[stereo.Length / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = stereo[(2 * i) + channel];
        }

        return samples;
    }
}
