namespace VanYen.Media.Engine.Audio.Loudness;

/// <summary>One-shot loudness measures of a whole signal known in advance (a file, a rendered chime).</summary>
public static class LoudnessAnalysis
{
    /// <summary>The integrated loudness of <paramref name="samples"/> (mono) in LUFS per BS.1770-4; negative infinity for silence or signals under 400 ms.</summary>
    public static double MeasureIntegrated(ReadOnlySpan<short> samples, int sampleRate = 48000)
    {
        var meter = new LoudnessMeter(sampleRate);
        meter.Process(samples);
        return meter.IntegratedLoudness;
    }

    /// <summary>The largest absolute sample value in dBFS (0 dBFS = 32768); negative infinity for digital silence.</summary>
    public static double SamplePeakDecibels(ReadOnlySpan<short> samples)
    {
        int peak = 0;
        foreach (short sample in samples)
        {
            peak = Math.Max(peak, Math.Abs((int)sample));
        }

        return peak == 0 ? double.NegativeInfinity : 20 * Math.Log10(peak / 32768.0);
    }

    /// <summary>
    /// The static gain in dB that brings a signal measured at <paramref name="measuredLoudness"/> to
    /// <paramref name="targetLoudness"/>, bounded to [<paramref name="minimumGain"/>, <paramref name="maximumGain"/>];
    /// 0 dB for silence (nothing to normalise).
    /// </summary>
    public static double GainToTarget(double measuredLoudness, double targetLoudness, double minimumGain = -40, double maximumGain = 20)
    {
        if (double.IsNegativeInfinity(measuredLoudness) || double.IsNaN(measuredLoudness))
        {
            return 0;
        }

        return Math.Clamp(targetLoudness - measuredLoudness, minimumGain, maximumGain);
    }
}
