using VanYen.Media.Engine.Tests.Audio.Codec;

namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>
/// How well received audio matches a source that the fake microphone plays in a loop: the normalized
/// cross-correlation of one source period, at its best circular shift, with a window of what arrived.
/// The loop's phase when the call starts is unknown, so every shift is tried (coarse, then refined).
/// </summary>
internal static class LoopCorrelation
{
    private const int Decimation = 8;

    /// <summary>
    /// Scores the last source period (plus margins) of <paramref name="received"/>: the global correlation at
    /// the best shift and the segmental correlation (200 ms windows, each within ±150 ms of that shift).
    /// </summary>
    public static LoopMatch Measure(short[] source, short[] received, int sampleRate)
    {
        int maxLag = sampleRate * 150 / 1000;
        int from = received.Length - source.Length - maxLag;
        var (correlation, shift) = Best(source, received, from);
        double segmental = Segmental(source, received, from, shift, sampleRate / 5, maxLag);
        return new LoopMatch(correlation, shift, segmental);
    }

    /// <summary>
    /// The best normalized cross-correlation of <paramref name="received"/>[from .. from + source.Length)
    /// with <paramref name="source"/> rotated by any shift.
    /// </summary>
    public static (double Correlation, int Shift) Best(short[] source, short[] received, int from)
    {
        if (from < 0 || from + source.Length > received.Length)
        {
            throw new ArgumentException($"received audio is too short: {received.Length} samples, need {from + source.Length}", nameof(received));
        }

        int length = source.Length;
        double[] window = ToDouble(received.AsSpan(from, length));
        var twice = new double[2 * length];
        for (int i = 0; i < twice.Length; i++)
        {
            twice[i] = source[i % length];
        }

        double[] coarseWindow = Decimate(window);
        double[] coarseTwice = Decimate(twice);
        int coarseBest = 0;
        double best = double.NegativeInfinity;
        for (int shift = 0; shift < length / Decimation; shift++)
        {
            double value = AudioSimilarity.NormalizedCrossCorrelation(coarseWindow, coarseTwice.AsSpan(shift, coarseWindow.Length), 0);
            if (value > best)
            {
                best = value;
                coarseBest = shift;
            }
        }

        best = double.NegativeInfinity;
        int bestShift = 0;
        for (int delta = -2 * Decimation; delta <= 2 * Decimation; delta++)
        {
            int shift = (((coarseBest * Decimation) + delta) % length + length) % length;
            double value = AudioSimilarity.NormalizedCrossCorrelation(window, twice.AsSpan(shift, length), 0);
            if (value > best)
            {
                best = value;
                bestShift = shift;
            }
        }

        return (best, bestShift);
    }

    /// <summary>
    /// The energy-weighted mean of the normalized cross-correlations of <paramref name="windowLength"/>-sample
    /// windows of <paramref name="received"/>[from .. from + source.Length), each at its own best lag within
    /// ±<paramref name="maxLag"/> of <paramref name="shift"/> (from <see cref="Best"/>). It scores the content
    /// rather than one alignment: a receiver's adaptive jitter buffer moves the alignment by whole 20 ms
    /// frames when it grows or shrinks its delay, and a lost packet's concealment shifts it too.
    /// </summary>
    public static double Segmental(short[] source, short[] received, int from, int shift, int windowLength, int maxLag)
    {
        if (from - maxLag < 0 || from + source.Length + maxLag > received.Length)
        {
            throw new ArgumentException($"received audio is too short: {received.Length} samples, need {from + source.Length + maxLag}", nameof(received));
        }

        // Both sides padded by maxLag so that every window has its full lag range; the source is a loop,
        // so its padding is just more of the loop.
        int length = source.Length + (2 * maxLag);
        var looped = new short[length];
        for (int i = 0; i < length; i++)
        {
            looped[i] = source[((((shift - maxLag + i) % source.Length) + source.Length) % source.Length)];
        }

        return AudioSimilarity.SegmentalCorrelation(looped, received.AsSpan(from - maxLag, length), windowLength, maxLag);
    }

    /// <summary>Float samples in [-1, 1] (WebAudio) as 16-bit PCM.</summary>
    public static short[] ToPcm16(IReadOnlyList<double> samples)
    {
        var pcm = new short[samples.Count];
        for (int i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)Math.Clamp(Math.Round(samples[i] * 32767), short.MinValue, short.MaxValue);
        }

        return pcm;
    }

    private static double[] ToDouble(ReadOnlySpan<short> samples)
    {
        var result = new double[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            result[i] = samples[i];
        }

        return result;
    }

    private static double[] Decimate(double[] samples)
    {
        var result = new double[samples.Length / Decimation];
        for (int i = 0; i < result.Length; i++)
        {
            double sum = 0;
            for (int j = 0; j < Decimation; j++)
            {
                sum += samples[(i * Decimation) + j];
            }

            result[i] = sum / Decimation;
        }

        return result;
    }
}
