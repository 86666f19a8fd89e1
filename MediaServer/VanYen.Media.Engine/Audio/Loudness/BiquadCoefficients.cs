namespace VanYen.Media.Engine.Audio.Loudness;

/// <summary>
/// The coefficients of one second-order IIR section, normalised so that a0 = 1:
/// y[n] = b0·x[n] + b1·x[n-1] + b2·x[n-2] - a1·y[n-1] - a2·y[n-2].
/// </summary>
/// <param name="B0">Feed-forward coefficient of x[n].</param>
/// <param name="B1">Feed-forward coefficient of x[n-1].</param>
/// <param name="B2">Feed-forward coefficient of x[n-2].</param>
/// <param name="A1">Feedback coefficient of y[n-1].</param>
/// <param name="A2">Feedback coefficient of y[n-2].</param>
public readonly record struct BiquadCoefficients(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>The magnitude response in decibels at <paramref name="frequency"/> hertz for <paramref name="sampleRate"/>.</summary>
    public double GainDecibelsAt(double frequency, int sampleRate)
    {
        // |H(e^jw)| evaluated directly from the transfer function.
        double w = 2 * Math.PI * frequency / sampleRate;
        double cos1 = Math.Cos(w);
        double sin1 = Math.Sin(w);
        double cos2 = Math.Cos(2 * w);
        double sin2 = Math.Sin(2 * w);
        double numeratorReal = B0 + (B1 * cos1) + (B2 * cos2);
        double numeratorImaginary = -(B1 * sin1) - (B2 * sin2);
        double denominatorReal = 1 + (A1 * cos1) + (A2 * cos2);
        double denominatorImaginary = -(A1 * sin1) - (A2 * sin2);
        double numerator = (numeratorReal * numeratorReal) + (numeratorImaginary * numeratorImaginary);
        double denominator = (denominatorReal * denominatorReal) + (denominatorImaginary * denominatorImaginary);
        return 10 * Math.Log10(numerator / denominator);
    }
}
