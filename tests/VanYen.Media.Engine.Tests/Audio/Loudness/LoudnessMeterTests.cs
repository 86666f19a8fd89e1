using VanYen.Media.Engine.Audio.Loudness;
using VanYen.Media.Engine.Tests.Testing;
using static VanYen.Media.Engine.Tests.Audio.Loudness.LoudnessTestSignals;

namespace VanYen.Media.Engine.Tests.Audio.Loudness;

public class LoudnessMeterTests
{
    [Fact]
    public void AFullScale997HertzSineOnOneChannelReadsMinus3Point01Lufs()
    {
        // BS.1770-4 §2.1: a 0 dBFS 997 Hz sine in one front channel reads -3.01 LKFS.
        var meter = new LoudnessMeter();
        meter.Process(Sine(997, 0, 5));
        Assert.Equal(-3.01, meter.IntegratedLoudness, 0.02);
        Assert.Equal(-3.01, meter.MomentaryLoudness, 0.02);
        Assert.Equal(-3.01, meter.ShortTermLoudness, 0.02);
    }

    [Fact]
    public void A1KilohertzSineAtMinus20DecibelsPeakReadsMinus23Lufs()
    {
        Assert.Equal(-23.0, LoudnessAnalysis.MeasureIntegrated(Sine(1000, -20, 10)), 0.1);
    }

    [Theory]
    [InlineData(44100, 0.02)]
    [InlineData(16000, 0.1)]
    public void OtherSampleRatesMeasureTheSame(int sampleRate, double tolerance)
    {
        Assert.Equal(-3.01, LoudnessAnalysis.MeasureIntegrated(Sine(997, 0, 5, sampleRate), sampleRate), tolerance);
    }

    [Theory]
    [InlineData(-23.0)]
    [InlineData(-33.0)]
    public void EbuTech3341Cases1And2ReadTheirLevelOnEveryScale(double level)
    {
        // EBU Tech 3341 Table 1, cases 1 and 2: a 1 kHz tone at the level on both stereo channels, 20 s.
        var meter = new LoudnessMeter();
        meter.Process(StereoEquivalentSine(level, 20));
        Assert.Equal(level, meter.IntegratedLoudness, 0.1);
        Assert.Equal(level, meter.MomentaryLoudness, 0.1);
        Assert.Equal(level, meter.ShortTermLoudness, 0.1);
    }

    [Fact]
    public void EbuTech3341Case3TheRelativeGateDropsTheQuietPartsAroundALoudOne()
    {
        // Case 3: 10 s at -36, 60 s at -23, 10 s at -36 dBFS reads -23.0 ±0.1 LUFS.
        short[] signal = Concatenate(StereoEquivalentSine(-36, 10), StereoEquivalentSine(-23, 60), StereoEquivalentSine(-36, 10));
        Assert.Equal(-23.0, LoudnessAnalysis.MeasureIntegrated(signal), 0.1);
    }

    [Fact]
    public void EbuTech3341Case4TheAbsoluteGateDropsNearSilence()
    {
        // Case 4: -72, -36, -23, -36, -72 dBFS for 10, 10, 60, 10, 10 s reads -23.0 ±0.1 LUFS.
        short[] signal = Concatenate(
            StereoEquivalentSine(-72, 10), StereoEquivalentSine(-36, 10), StereoEquivalentSine(-23, 60),
            StereoEquivalentSine(-36, 10), StereoEquivalentSine(-72, 10));
        Assert.Equal(-23.0, LoudnessAnalysis.MeasureIntegrated(signal), 0.1);
    }

    [Fact]
    public void EbuTech3341Case5ALouderMiddlePartAveragesInEnergy()
    {
        // Case 5: 20 s at -26, 20.1 s at -20, 20 s at -26 dBFS reads -23.0 ±0.1 LUFS.
        short[] signal = Concatenate(StereoEquivalentSine(-26, 20), StereoEquivalentSine(-20, 20.1), StereoEquivalentSine(-26, 20));
        Assert.Equal(-23.0, LoudnessAnalysis.MeasureIntegrated(signal), 0.1);
    }

    [Fact]
    public void DigitalSilenceAroundAToneIsLeftOutByTheAbsoluteGate()
    {
        short[] tone = Sine(1000, -20, 20);
        short[] signal = Concatenate(new short[SampleRate * 20], tone, new short[SampleRate * 20]);

        // The tone alone gives 197 blocks. Around it, the 40 s of silence make blocks under the absolute gate,
        // which drop out; only the 3 blocks straddling each edge (a quarter, half, three quarters tone) pass,
        // adding 6 blocks worth 3 tone blocks of energy: 200/203 of the tone's energy.
        double expected = LoudnessAnalysis.MeasureIntegrated(tone) + (10 * Math.Log10(200.0 / 203.0));
        Assert.Equal(expected, LoudnessAnalysis.MeasureIntegrated(signal), 0.01);
    }

    [Fact]
    public void WithoutTheRelativeGateAQuietTailWouldLowerTheReading()
    {
        // A loud 10 s then a quiet 30 s 25 LU lower: the plain energy mean is about -28.5 LUFS,
        // but the quiet part falls under the relative gate, so the reading stays the loud part's.
        short[] signal = Concatenate(Sine(1000, -20, 10), Sine(1000, -45, 30));
        double ungatedMean = LoudnessMeter.LoudnessOf(
            ((LoudnessMeter.EnergyOf(-23) * 10) + (LoudnessMeter.EnergyOf(-48) * 30)) / 40);
        Assert.True(ungatedMean < -28, $"ungated mean {ungatedMean:F2}");
        Assert.Equal(-23.0, LoudnessAnalysis.MeasureIntegrated(signal), 0.1);
    }

    [Fact]
    public void SilenceAndSignalsShorterThanABlockMeasureNegativeInfinity()
    {
        Assert.Equal(double.NegativeInfinity, LoudnessAnalysis.MeasureIntegrated(new short[SampleRate * 2]));
        Assert.Equal(double.NegativeInfinity, LoudnessAnalysis.MeasureIntegrated(Sine(1000, -3, 0.39)));
        var meter = new LoudnessMeter();
        meter.Process(Sine(1000, -3, 0.39));
        Assert.Equal(double.NegativeInfinity, meter.MomentaryLoudness);
        Assert.Equal(0, meter.BlockCount);
    }

    [Fact]
    public void MomentaryFollowsAStepWithin400MillisecondsWhileShortTermLagsFor3Seconds()
    {
        var meter = new LoudnessMeter();
        meter.Process(Sine(1000, -40, 5));
        meter.Process(Sine(1000, -20, 0.4));
        Assert.Equal(-23.0, meter.MomentaryLoudness, 0.1);
        Assert.True(meter.ShortTermLoudness < -30, $"short-term {meter.ShortTermLoudness:F2}");
        meter.Process(Sine(1000, -20, 2.6));
        Assert.Equal(-23.0, meter.ShortTermLoudness, 0.1);
    }

    [Fact]
    public void ProcessReportsOneBlockPer100MillisecondsAfterTheFirst400()
    {
        var meter = new LoudnessMeter();
        var frame = new short[960];
        int blocks = 0;
        for (int i = 0; i < 50; i++)
        {
            blocks += meter.Process(frame);
        }

        // 1 s = 10 steps of 100 ms; the first block completes at 400 ms, then one per step: 7.
        Assert.Equal(7, blocks);
        Assert.Equal(7, meter.BlockCount);
        Assert.Equal(48000, meter.SampleCount);
    }

    [Fact]
    public void FrameByFrameAndOneCallMeasureTheSame()
    {
        short[] signal = SpeechLike(3, -25, 12);
        var meter = new LoudnessMeter();
        for (int offset = 0; offset < signal.Length; offset += 960)
        {
            meter.Process(signal.AsSpan(offset, Math.Min(960, signal.Length - offset)));
        }

        Assert.Equal(LoudnessAnalysis.MeasureIntegrated(signal), meter.IntegratedLoudness, 1e-9);
    }

    [Theory]
    [InlineData(-20, -30, 10)]
    [InlineData(-40, -20, 20)]
    public void EbuTech3342LoudnessRangeOfTwoLevels(double first, double second, double expectedRange)
    {
        // EBU Tech 3342 Table 1, cases 1 and 3: 20 s at each level (stereo-equivalent 1 kHz tones).
        var meter = new LoudnessMeter();
        meter.Process(Concatenate(StereoEquivalentSine(first, 20), StereoEquivalentSine(second, 20)));
        Assert.Equal(expectedRange, meter.LoudnessRange, 1.0);
    }

    [Fact]
    public void EbuTech3342Case4FiveLevelsGiveARangeOf15()
    {
        var meter = new LoudnessMeter();
        meter.Process(Concatenate(
            StereoEquivalentSine(-50, 20), StereoEquivalentSine(-35, 20), StereoEquivalentSine(-20, 20),
            StereoEquivalentSine(-35, 20), StereoEquivalentSine(-50, 20)));
        Assert.Equal(15, meter.LoudnessRange, 1.0);
    }

    [Fact]
    public void ResetForgetsEverything()
    {
        var meter = new LoudnessMeter();
        meter.Process(Sine(1000, -10, 2));
        meter.Reset();
        meter.Process(Sine(1000, -30, 2));
        Assert.Equal(-33.0, meter.IntegratedLoudness, 0.1);
    }

    [Fact]
    public void ProcessAllocatesNothing()
    {
        var meter = new LoudnessMeter();
        short[] frame = Sine(1000, -20, 0.02);
        AllocationBudget.AssertZero(() => meter.Process(frame));
    }
}
