namespace VanYen.Media.Engine.Audio.Loudness;

/// <summary>
/// The K-weighting of ITU-R BS.1770-4 §2.1: a high-shelf "pre-filter" (about +4 dB above 2 kHz,
/// modelling the head) followed by the "RLB" high-pass (revised low-frequency B curve).
/// </summary>
/// <remarks>
/// BS.1770-4 publishes the coefficients for 48 kHz only (Tables 1 and 2). For other rates they are
/// computed here by the bilinear transform, with frequency pre-warping, of the analogue prototypes those
/// tables were designed from (centre frequency, Q and shelf gain below). At 48 kHz the result matches
/// the published tables to better than 1e-7, which the tests check.
/// </remarks>
public static class KWeighting
{
    /// <summary>The pre-filter shelf's centre frequency in hertz.</summary>
    public const double PreFilterFrequency = 1681.974450955533;

    /// <summary>The pre-filter shelf's gain at high frequencies in decibels.</summary>
    public const double PreFilterGainDecibels = 3.999843853973347;

    /// <summary>The pre-filter shelf's quality factor.</summary>
    public const double PreFilterQuality = 0.7071752369554196;

    /// <summary>The RLB high-pass corner frequency in hertz.</summary>
    public const double HighPassFrequency = 38.13547087602444;

    /// <summary>The RLB high-pass quality factor.</summary>
    public const double HighPassQuality = 0.5003270373238773;

    /// <summary>Stage 1 (pre-filter) of the K-weighting at <paramref name="sampleRate"/> hertz.</summary>
    public static BiquadCoefficients PreFilter(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        double k = Math.Tan(Math.PI * PreFilterFrequency / sampleRate);
        double kOverQ = k / PreFilterQuality;
        double highGain = Math.Pow(10, PreFilterGainDecibels / 20);
        // The band gain of the shelf's mid term; this exponent reproduces the published 48 kHz b1/b2 pair.
        double bandGain = Math.Pow(highGain, 0.4996667741545416);
        double a0 = 1 + kOverQ + (k * k);
        return new BiquadCoefficients(
            B0: (highGain + (bandGain * kOverQ) + (k * k)) / a0,
            B1: 2 * ((k * k) - highGain) / a0,
            B2: (highGain - (bandGain * kOverQ) + (k * k)) / a0,
            A1: 2 * ((k * k) - 1) / a0,
            A2: (1 - kOverQ + (k * k)) / a0);
    }

    /// <summary>Stage 2 (RLB high-pass) of the K-weighting at <paramref name="sampleRate"/> hertz.</summary>
    public static BiquadCoefficients HighPass(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        double k = Math.Tan(Math.PI * HighPassFrequency / sampleRate);
        double kOverQ = k / HighPassQuality;
        double a0 = 1 + kOverQ + (k * k);
        // BS.1770-4 Table 2 keeps the numerator un-normalised (1, -2, 1): the passband gain stays about 1.
        return new BiquadCoefficients(
            B0: 1,
            B1: -2,
            B2: 1,
            A1: 2 * ((k * k) - 1) / a0,
            A2: (1 - kOverQ + (k * k)) / a0);
    }

    /// <summary>The response of the whole K-weighting in decibels at <paramref name="frequency"/> hertz.</summary>
    public static double GainDecibelsAt(double frequency, int sampleRate) =>
        PreFilter(sampleRate).GainDecibelsAt(frequency, sampleRate) + HighPass(sampleRate).GainDecibelsAt(frequency, sampleRate);
}
