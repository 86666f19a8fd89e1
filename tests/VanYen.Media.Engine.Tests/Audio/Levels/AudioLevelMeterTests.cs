using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.Tests.Testing;
using static VanYen.Media.Engine.Tests.Audio.PcmTestSignals;

namespace VanYen.Media.Engine.Tests.Audio.Levels;

public sealed class AudioLevelMeterTests
{
    private const int Frame = PcmFrame.SamplesPerFrame;

    [Fact]
    public void FullScaleSquareWaveIsZeroDbov()
    {
        Assert.Equal(0, AudioLevelMeter.MeasureLevel(Square(short.MaxValue, halfPeriod: 24, Frame)));
    }

    [Fact]
    public void FullScaleSineIsAboutThreeDbBelowOverload()
    {
        // 1 kHz at 48 kHz: exactly 20 periods in the frame.
        Assert.Equal(3, AudioLevelMeter.MeasureLevel(Tone(1000, short.MaxValue, PcmFrame.SampleRate, Frame)));
    }

    [Fact]
    public void SineTwentyDbBelowFullScaleIsLevel23()
    {
        Assert.Equal(23, AudioLevelMeter.MeasureLevel(Tone(1000, short.MaxValue / 10.0, PcmFrame.SampleRate, Frame)));
    }

    [Fact]
    public void SineSixtyDbBelowFullScaleIsLevel63()
    {
        Assert.Equal(63, AudioLevelMeter.MeasureLevel(Tone(1000, short.MaxValue / 1000.0, PcmFrame.SampleRate, Frame)));
    }

    [Fact]
    public void DigitalSilenceAndAnEmptyFrameAre127()
    {
        Assert.Equal(127, AudioLevelMeter.MeasureLevel(new short[Frame]));
        Assert.Equal(127, AudioLevelMeter.MeasureLevel([]));
    }

    [Fact]
    public void LowestNonSilentSignalIsStillBelow127()
    {
        var leastSignificantBit = new short[Frame];
        Array.Fill(leastSignificantBit, (short)1);

        // 20·log10(32768) ≈ 90.3 dB: one LSB is about -90 dBov.
        Assert.Equal(90, AudioLevelMeter.MeasureLevel(leastSignificantBit));
    }

    [Fact]
    public void NegativeFullScaleDoesNotOverflow()
    {
        var frame = new short[Frame];
        Array.Fill(frame, short.MinValue);

        Assert.Equal((long)Frame * 32768 * 32768, AudioLevelMeter.SumOfSquares(frame));
        Assert.Equal(0, AudioLevelMeter.MeasureLevel(frame));
    }

    [Theory]
    [InlineData(1, 960)]
    [InlineData(2, 1)]
    [InlineData(3, 17)]
    [InlineData(4, 4099)]
    public void SumOfSquaresMatchesTheScalarDefinition(int seed, int length)
    {
        var random = new Random(seed);
        var samples = new short[length];
        for (int i = 0; i < length; i++)
        {
            samples[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        long expected = 0;
        foreach (short sample in samples)
        {
            expected += sample * sample;
        }

        Assert.Equal(expected, AudioLevelMeter.SumOfSquares(samples));
    }

    [Fact]
    public void SmoothedEnergyRisesQuicklyAndFallsSlowly()
    {
        var meter = new AudioLevelMeter();
        short[] loud = Tone(440, 10_000, PcmFrame.SampleRate, Frame);
        short[] silence = new short[Frame];

        meter.Measure(loud);
        meter.Measure(loud);
        byte afterSpeech = meter.SmoothedLevel;
        Assert.InRange(afterSpeech, meter.Level, meter.Level + 2);

        Assert.Equal(127, meter.Measure(silence));
        byte afterPause = meter.SmoothedLevel;
        Assert.InRange(afterPause, afterSpeech, afterSpeech + 2);

        for (int i = 0; i < 100; i++)
        {
            meter.Measure(silence);
        }

        Assert.True(meter.SmoothedLevel > afterPause + 20, $"smoothed level {meter.SmoothedLevel} should have decayed");

        meter.Reset();
        Assert.Equal(127, meter.SmoothedLevel);
        Assert.Equal(127, meter.Level);
    }

    [Fact]
    public void MeasureAllocatesNothing()
    {
        var meter = new AudioLevelMeter();
        short[] frame = Noise(seed: 9, amplitude: 5000, Frame);

        AllocationBudget.AssertZero(() => meter.Measure(frame));
    }
}
