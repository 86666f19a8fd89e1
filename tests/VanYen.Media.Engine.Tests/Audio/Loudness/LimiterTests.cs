using VanYen.Media.Engine.Audio.Loudness;
using VanYen.Media.Engine.Tests.Testing;
using static VanYen.Media.Engine.Tests.Audio.Loudness.LoudnessTestSignals;

namespace VanYen.Media.Engine.Tests.Audio.Loudness;

public class LimiterTests
{
    private static readonly int CeilingSample = (int)Math.Floor(32768 * Math.Pow(10, -1 / 20.0));

    [Fact]
    public void ASignalOverdrivenBy10DecibelsNeverExceedsTheCeiling()
    {
        var limiter = new Limiter();
        short[] signal = Concatenate(SpeechLike(5, -14, 6), Sine(3000, -1, 2), Noise(6, -12, 2));
        float gain = (float)Math.Pow(10, 10 / 20.0);
        int peak = 0;
        for (int offset = 0; offset < signal.Length; offset += 960)
        {
            Span<short> frame = signal.AsSpan(offset, Math.Min(960, signal.Length - offset));
            limiter.Process(frame, gain);
            foreach (short sample in frame)
            {
                peak = Math.Max(peak, Math.Abs((int)sample));
            }
        }

        Assert.InRange(peak, CeilingSample - 600, CeilingSample);
        Assert.True(limiter.LowestGain < 0.5, $"lowest gain {limiter.LowestGain:F3}");
    }

    [Fact]
    public void ASingleFullScaleSpikeIsHeldUnderTheCeilingWithAGradualRamp()
    {
        var limiter = new Limiter(new LimiterOptions { CeilingDecibels = -6 });
        var samples = new float[48000];
        samples.AsSpan().Fill(0.25f);
        samples[2000] = 1.0f;
        limiter.Process(samples);
        float ceiling = limiter.Ceiling;
        int latency = limiter.LatencySamples;
        Assert.Equal(240, latency);
        Assert.InRange(samples[2000 + latency], ceiling - 1e-4f, ceiling);

        // The gain ramps down over the look-ahead instead of stepping: each sample before the spike differs
        // from the next by far less than the 0.25 → 0.125 a hard step would give.
        for (int i = 2000; i + 1 < 2000 + latency; i++)
        {
            Assert.True(Math.Abs(samples[i + 1] - samples[i]) < 0.01f, $"step at {i}: {samples[i]} → {samples[i + 1]}");
        }

        Assert.True(samples[47999] > 0.249f, $"the gain did not recover: {samples[47999]}");
    }

    [Fact]
    public void BelowTheCeilingTheSignalPassesUnchangedButDelayed()
    {
        var limiter = new Limiter();
        short[] input = SpeechLike(7, -20, 3);
        int inputPeak = input.Max(sample => Math.Abs((int)sample));
        Assert.True(inputPeak < CeilingSample, $"test signal too loud: {inputPeak}");
        short[] output = (short[])input.Clone();
        for (int offset = 0; offset < output.Length; offset += 960)
        {
            limiter.Process(output.AsSpan(offset, 960));
        }

        int latency = limiter.LatencySamples;
        Assert.All(output[..latency], sample => Assert.Equal(0, sample));
        Assert.Equal(input[..^latency], output[latency..]);
        Assert.Equal(1.0, limiter.LowestGain);
    }

    [Fact]
    public void TheGainRecoversWithinAFewReleaseTimesAfterABurst()
    {
        var limiter = new Limiter();
        short[] burst = Sine(1000, 0, 0.5);
        limiter.Process(burst, 3f);
        Assert.True(limiter.CurrentGain < 0.35, $"gain during the burst {limiter.CurrentGain:F3}");
        short[] quiet = Sine(1000, -30, 0.5);
        limiter.Process(quiet);
        Assert.True(limiter.CurrentGain > 0.99, $"gain 500 ms after the burst {limiter.CurrentGain:F3}");
    }

    [Fact]
    public void ARampedGainMovesSmoothlyFromStartToEnd()
    {
        var limiter = new Limiter(new LimiterOptions { LookAhead = TimeSpan.FromMilliseconds(1) });
        var samples = new short[960 * 2];
        samples.AsSpan().Fill(1000);
        limiter.Process(samples.AsSpan(0, 960), 1f, 2f);
        limiter.Process(samples.AsSpan(960, 960), 2f, 2f);
        int latency = limiter.LatencySamples;
        Assert.Equal(1000, samples[latency]);
        Assert.Equal(2000, samples[959 + latency]);
        for (int i = latency + 1; i < 960 + latency; i++)
        {
            Assert.InRange(samples[i] - samples[i - 1], 0, 2);
        }
    }

    [Fact]
    public void OptionsOutOfRangeAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Limiter(new LimiterOptions { CeilingDecibels = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Limiter(new LimiterOptions { LookAhead = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Limiter(new LimiterOptions { ReleaseTime = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public void ProcessAllocatesNothing()
    {
        var limiter = new Limiter();
        short[] source = Sine(1000, -3, 0.02);
        var frame = new short[960];
        AllocationBudget.AssertZero(() =>
        {
            source.CopyTo(frame, 0);
            limiter.Process(frame, 4f);
        });
    }
}
