namespace VanYen.Media.Engine.Tests.Audio.Codec;

/// <summary>Signal helpers for audio tests: test tones and normalized cross-correlation at the best lag.</summary>
internal static class AudioSimilarity
{
    /// <summary>A sine of <paramref name="frequency"/> Hz at <paramref name="amplitude"/>, <paramref name="length"/> samples at <paramref name="sampleRate"/>.</summary>
    public static short[] Sine(double frequency, int sampleRate, int length, double amplitude = 10000)
    {
        var samples = new short[length];
        for (int i = 0; i < length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    /// <summary>
    /// The normalized cross-correlation of <paramref name="reference"/> and <paramref name="candidate"/>,
    /// where candidate[i + lag] is compared with reference[i], at the best lag in ±<paramref name="maxLag"/>.
    /// Searches at 1/6 of the rate first (for speed), then refines at full rate around the best coarse lag.
    /// </summary>
    public static (double Correlation, int Lag) BestNormalizedCrossCorrelation(ReadOnlySpan<short> reference, ReadOnlySpan<short> candidate, int maxLag)
    {
        const int Decimation = 6;
        double[] coarseReference = Decimate(reference, Decimation);
        double[] coarseCandidate = Decimate(candidate, Decimation);
        int coarseMaxLag = maxLag / Decimation;
        int coarseBest = 0;
        double coarseBestValue = double.NegativeInfinity;
        for (int lag = -coarseMaxLag; lag <= coarseMaxLag; lag++)
        {
            double value = NormalizedCrossCorrelation(coarseReference, coarseCandidate, lag);
            if (value > coarseBestValue)
            {
                coarseBestValue = value;
                coarseBest = lag;
            }
        }

        double[] fineReference = ToDouble(reference);
        double[] fineCandidate = ToDouble(candidate);
        int bestLag = coarseBest * Decimation;
        double best = double.NegativeInfinity;
        int from = Math.Max(-maxLag, (coarseBest * Decimation) - (2 * Decimation));
        int to = Math.Min(maxLag, (coarseBest * Decimation) + (2 * Decimation));
        for (int lag = from; lag <= to; lag++)
        {
            double value = NormalizedCrossCorrelation(fineReference, fineCandidate, lag);
            if (value > best)
            {
                best = value;
                bestLag = lag;
            }
        }

        return (best, bestLag);
    }

    /// <summary>Normalized cross-correlation over the overlap of reference[i] and candidate[i + lag].</summary>
    public static double NormalizedCrossCorrelation(ReadOnlySpan<double> reference, ReadOnlySpan<double> candidate, int lag)
    {
        int start = Math.Max(0, -lag);
        int end = Math.Min(reference.Length, candidate.Length - lag);
        double cross = 0;
        double referenceEnergy = 0;
        double candidateEnergy = 0;
        for (int i = start; i < end; i++)
        {
            double a = reference[i];
            double b = candidate[i + lag];
            cross += a * b;
            referenceEnergy += a * a;
            candidateEnergy += b * b;
        }

        double norm = Math.Sqrt(referenceEnergy * candidateEnergy);
        return norm == 0 ? 0 : cross / norm;
    }

    /// <summary>
    /// The energy-weighted mean, over windows of <paramref name="windowLength"/> samples of
    /// <paramref name="reference"/>, of each window's normalized cross-correlation with
    /// <paramref name="candidate"/> at that window's own best lag in ±<paramref name="maxLag"/>.
    /// Unlike one global lag, this scores content, not alignment: an adaptive jitter buffer shifts the
    /// alignment by 20 ms each time it grows or shrinks its delay.
    /// </summary>
    public static double SegmentalCorrelation(ReadOnlySpan<short> reference, ReadOnlySpan<short> candidate, int windowLength, int maxLag)
    {
        const int Decimation = 6;
        double[] coarseReference = Decimate(reference, Decimation);
        double[] coarseCandidate = Decimate(candidate, Decimation);
        double[] fineReference = ToDouble(reference);
        double[] fineCandidate = ToDouble(candidate);
        double weighted = 0;
        double totalEnergy = 0;
        for (int start = 0; start + windowLength <= reference.Length; start += windowLength)
        {
            double energy = 0;
            for (int i = start; i < start + windowLength; i++)
            {
                energy += fineReference[i] * fineReference[i];
            }

            int coarseStart = start / Decimation;
            int coarseLength = windowLength / Decimation;
            int coarseBest = 0;
            double best = double.NegativeInfinity;
            for (int lag = -maxLag / Decimation; lag <= maxLag / Decimation; lag++)
            {
                double value = WindowCorrelation(coarseReference, coarseCandidate, coarseStart, coarseLength, lag);
                if (value > best)
                {
                    best = value;
                    coarseBest = lag;
                }
            }

            best = double.NegativeInfinity;
            for (int lag = (coarseBest * Decimation) - (2 * Decimation); lag <= (coarseBest * Decimation) + (2 * Decimation); lag++)
            {
                best = Math.Max(best, WindowCorrelation(fineReference, fineCandidate, start, windowLength, lag));
            }

            weighted += best * energy;
            totalEnergy += energy;
        }

        return totalEnergy == 0 ? 0 : weighted / totalEnergy;
    }

    /// <summary>Root mean square of <paramref name="samples"/>.</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short sample in samples)
        {
            sum += (double)sample * sample;
        }

        return samples.IsEmpty ? 0 : Math.Sqrt(sum / samples.Length);
    }

    private static double WindowCorrelation(double[] reference, double[] candidate, int start, int length, int lag)
    {
        if (start + lag < 0 || start + lag + length > candidate.Length)
        {
            return double.NegativeInfinity;
        }

        double cross = 0;
        double referenceEnergy = 0;
        double candidateEnergy = 0;
        for (int i = start; i < start + length; i++)
        {
            double a = reference[i];
            double b = candidate[i + lag];
            cross += a * b;
            referenceEnergy += a * a;
            candidateEnergy += b * b;
        }

        double norm = Math.Sqrt(referenceEnergy * candidateEnergy);
        return norm == 0 ? 0 : cross / norm;
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

    private static double[] Decimate(ReadOnlySpan<short> samples, int factor)
    {
        var result = new double[samples.Length / factor];
        for (int i = 0; i < result.Length; i++)
        {
            double sum = 0;
            for (int j = 0; j < factor; j++)
            {
                sum += samples[(i * factor) + j];
            }

            result[i] = sum / factor;
        }

        return result;
    }
}
