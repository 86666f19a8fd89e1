using VanYen.Media.Engine.Audio.Resampling;
using VanYen.Media.Engine.Tests.Testing;
using static VanYen.Media.Engine.Tests.Audio.PcmTestSignals;

namespace VanYen.Media.Engine.Tests.Audio.Resampling;

public sealed class AudioResamplerTests
{
    private const int Frames = 25;

    /// <summary>Runs <paramref name="signal"/> through <paramref name="resampler"/> in 20 ms frames and returns every output, checking each frame's length.</summary>
    private static short[] ResampleInFrames(AudioResampler resampler, short[] signal, int expectedFrameOutput)
    {
        int frameInput = resampler.InputRate / 50 * resampler.Channels;
        var output = new List<short>();
        var buffer = new short[resampler.MaxOutputLength(frameInput)];
        for (int offset = 0; offset + frameInput <= signal.Length; offset += frameInput)
        {
            int written = resampler.Process(signal.AsSpan(offset, frameInput), buffer);
            Assert.Equal(expectedFrameOutput, written);
            output.AddRange(buffer.AsSpan(0, written));
        }

        return output.ToArray();
    }

    [Fact]
    public void ToneKeepsItsFrequencyAndLengthThrough48To16To48Kilohertz()
    {
        short[] tone = Tone(1000, 10_000, 48_000, 960 * Frames);
        using var down = new AudioResampler(48_000, 16_000);
        using var up = new AudioResampler(16_000, 48_000);

        short[] narrow = ResampleInFrames(down, tone, expectedFrameOutput: 320);
        short[] back = ResampleInFrames(up, narrow, expectedFrameOutput: 960);

        Assert.Equal(tone.Length / 3, narrow.Length);
        Assert.Equal(tone.Length, back.Length);

        // Skip the filters' start-up; in steady state a 1 kHz tone crosses zero 2000 times a second.
        int settled = 960 * 5;
        int crossings = ZeroCrossings(back.AsSpan(settled));
        double seconds = (back.Length - settled) / 48_000.0;
        Assert.InRange(crossings, (2000 * seconds) - 2, (2000 * seconds) + 2);

        // The tone repeats every 48 samples, so one period of delays finds the best alignment.
        int latency = (down.OutputLatency * 3) + up.OutputLatency;
        Assert.InRange(latency, 1, 480);
        (double correlation, _) = BestCorrelation(tone.AsSpan(settled, 960 * 10), back.AsSpan(settled), maximumDelay: 48);
        Assert.InRange(correlation, 0.98, 1.0);
    }

    [Fact]
    public void NarrowbandUpsamplesTo48KilohertzAndBack()
    {
        short[] tone = Tone(1000, 10_000, 8_000, 160 * Frames);
        using var up = new AudioResampler(8_000, 48_000);
        using var down = new AudioResampler(48_000, 8_000);

        short[] wide = ResampleInFrames(up, tone, expectedFrameOutput: 960);
        short[] back = ResampleInFrames(down, wide, expectedFrameOutput: 160);

        Assert.Equal(tone.Length * 6, wide.Length);
        Assert.Equal(tone.Length, back.Length);
        int settled = 960 * 5;
        double seconds = (wide.Length - settled) / 48_000.0;
        Assert.InRange(ZeroCrossings(wide.AsSpan(settled)), (2000 * seconds) - 2, (2000 * seconds) + 2);
        Assert.InRange(BestCorrelation(tone.AsSpan(160 * 5, 160 * 10), back.AsSpan(160 * 5), maximumDelay: 80).Correlation, 0.95, 1.0);
    }

    [Fact]
    public void CompactDiscRateConvertsWithTheRightAverageLength()
    {
        short[] tone = Tone(1000, 10_000, 44_100, 441 * 2 * 50);
        using var resampler = new AudioResampler(44_100, 48_000);
        var buffer = new short[resampler.MaxOutputLength(882)];
        int total = 0;
        var output = new List<short>();

        for (int offset = 0; offset < tone.Length; offset += 882)
        {
            int written = resampler.Process(tone.AsSpan(offset, 882), buffer);
            Assert.InRange(written, 959, 961);
            total += written;
            output.AddRange(buffer.AsSpan(0, written));
        }

        Assert.InRange(total, (960 * 50) - 1, (960 * 50) + 1);
        double seconds = (output.Count - 4800) / 48_000.0;
        Assert.InRange(ZeroCrossings(output.ToArray().AsSpan(4800)), (2000 * seconds) - 2, (2000 * seconds) + 2);
    }

    [Fact]
    public void StereoChannelsStaySeparate()
    {
        short[] left = Tone(500, 8_000, 48_000, 960 * Frames);
        short[] right = Tone(1500, 8_000, 48_000, 960 * Frames);
        var stereo = new short[left.Length * 2];
        for (int i = 0; i < left.Length; i++)
        {
            stereo[2 * i] = left[i];
            stereo[(2 * i) + 1] = right[i];
        }

        using var resampler = new AudioResampler(48_000, 16_000, channels: 2);
        short[] output = ResampleInFrames(resampler, stereo, expectedFrameOutput: 640);

        int settled = 320 * 5;
        double seconds = (output.Length / 2 - settled) / 16_000.0;
        Assert.InRange(ZeroCrossings(Channel(output, 0).AsSpan(settled)), (1000 * seconds) - 2, (1000 * seconds) + 2);
        Assert.InRange(ZeroCrossings(Channel(output, 1).AsSpan(settled)), (3000 * seconds) - 2, (3000 * seconds) + 2);
    }

    [Fact]
    public void EqualRatesCopyTheInput()
    {
        short[] noise = Noise(seed: 3, amplitude: 20_000, 960);
        using var resampler = new AudioResampler(48_000, 48_000);
        var output = new short[resampler.MaxOutputLength(960)];

        Assert.Equal(960, resampler.Process(noise, output));
        Assert.Equal(noise, output.AsSpan(0, 960).ToArray());
        Assert.Equal(0, resampler.OutputLatency);
    }

    [Fact]
    public void ResetForgetsThePreviousStream()
    {
        short[] tone = Tone(1000, 10_000, 48_000, 960);
        using var resampler = new AudioResampler(48_000, 16_000);
        var first = new short[resampler.MaxOutputLength(960)];
        var second = new short[first.Length];

        int firstLength = resampler.Process(tone, first);
        resampler.Process(tone, second);
        resampler.Reset();
        int afterReset = resampler.Process(tone, second);

        Assert.Equal(firstLength, afterReset);
        Assert.Equal(first.AsSpan(0, firstLength).ToArray(), second.AsSpan(0, afterReset).ToArray());
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioResampler(4_000, 48_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioResampler(48_000, 16_000, channels: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioResampler(48_000, 16_000, quality: 11));
        using var stereo = new AudioResampler(48_000, 16_000, channels: 2);
        Assert.Throws<ArgumentException>(() => stereo.Process(new short[3], new short[100]));
        using var mono = new AudioResampler(16_000, 48_000);
        Assert.Throws<ArgumentException>(() => mono.Process(new short[320], new short[960]));
    }

    [Fact]
    public void ProcessAllocatesNothing()
    {
        short[] tone = Tone(1000, 10_000, 48_000, 960);
        using var down = new AudioResampler(48_000, 16_000);
        using var up = new AudioResampler(16_000, 48_000);
        var narrow = new short[down.MaxOutputLength(960)];
        var wide = new short[up.MaxOutputLength(320)];

        AllocationBudget.AssertZero(() =>
        {
            int written = down.Process(tone, narrow);
            up.Process(narrow.AsSpan(0, written), wide);
        }, iterations: 200);
    }

    [Fact]
    public void StereoProcessAllocatesNothing()
    {
        var stereo = new short[960 * 2];
        using var resampler = new AudioResampler(48_000, 24_000, channels: 2);
        var output = new short[resampler.MaxOutputLength(stereo.Length)];

        AllocationBudget.AssertZero(() => resampler.Process(stereo, output), iterations: 200);
    }
}
