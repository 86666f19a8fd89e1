using VanYen.Media.Engine.Audio.Loudness;

namespace VanYen.Media.Engine.Tests.Audio.Loudness;

public class KWeightingTests
{
    [Fact]
    public void PreFilterAt48KilohertzMatchesTable1OfBs1770()
    {
        // ITU-R BS.1770-4 Table 1: stage 1 (pre-filter) coefficients at 48 kHz.
        BiquadCoefficients coefficients = KWeighting.PreFilter(48000);
        Assert.Equal(1.53512485958697, coefficients.B0, 1e-9);
        Assert.Equal(-2.69169618940638, coefficients.B1, 1e-9);
        Assert.Equal(1.19839281085285, coefficients.B2, 1e-9);
        Assert.Equal(-1.69065929318241, coefficients.A1, 1e-9);
        Assert.Equal(0.73248077421585, coefficients.A2, 1e-9);
    }

    [Fact]
    public void HighPassAt48KilohertzMatchesTable2OfBs1770()
    {
        // ITU-R BS.1770-4 Table 2: stage 2 (RLB weighting) coefficients at 48 kHz.
        BiquadCoefficients coefficients = KWeighting.HighPass(48000);
        Assert.Equal(1.0, coefficients.B0);
        Assert.Equal(-2.0, coefficients.B1);
        Assert.Equal(1.0, coefficients.B2);
        Assert.Equal(-1.99004745483398, coefficients.A1, 1e-9);
        Assert.Equal(0.99007225036621, coefficients.A2, 1e-9);
    }

    [Theory]
    [InlineData(44100, 0.05)]
    [InlineData(96000, 0.05)]
    [InlineData(16000, 0.2)]
    public void TheResponseIsTheSameAtOtherSampleRates(int sampleRate, double tolerance)
    {
        // The bilinear transform is exact only at the pre-warped frequencies; at 16 kHz the curve bends near Nyquist.
        foreach (double frequency in new[] { 20.0, 100.0, 997.0, 2000.0, 5000.0 })
        {
            if (frequency < sampleRate / 3.0)
            {
                Assert.Equal(KWeighting.GainDecibelsAt(frequency, 48000), KWeighting.GainDecibelsAt(frequency, sampleRate), tolerance);
            }
        }
    }

    [Fact]
    public void TheCurveBoostsTrebleCutsBassAndGivesAbout0Point69DecibelsAt997Hertz()
    {
        // The -0.691 offset of BS.1770-4 eq. (2) cancels the K-weighting's gain at 997 Hz.
        Assert.Equal(0.691, KWeighting.GainDecibelsAt(997, 48000), 0.01);
        Assert.InRange(KWeighting.GainDecibelsAt(8000, 48000), 3.5, 4.5);
        Assert.InRange(KWeighting.GainDecibelsAt(20, 48000), -15, -8);
    }
}
