using VanYen.Media.Engine.Audio.Loudness;
using VanYen.Media.Engine.Tests.Testing;
using static VanYen.Media.Engine.Tests.Audio.Loudness.LoudnessTestSignals;

namespace VanYen.Media.Engine.Tests.Audio.Loudness;

public class LoudnessNormalizerTests
{
    [Theory]
    [InlineData(-30.0)]
    [InlineData(-10.0)]
    [InlineData(-16.0)]
    public void SpeechLikeInputOfAnyLoudnessComesOutAtMinus16Lufs(double inputLoudness)
    {
        short[] input = SpeechLike(11, inputLoudness, 30);
        Assert.Equal(inputLoudness, LoudnessAnalysis.MeasureIntegrated(input), 0.2);
        short[] output = Normalize(new LoudnessNormalizer(), input);

        // After the gain has settled (the first 10 s), the output sits at the target.
        double settled = LoudnessAnalysis.MeasureIntegrated(From(output, 10));
        Assert.Equal(-16.0, settled, 1.0);
        Assert.True(LoudnessAnalysis.SamplePeakDecibels(output) <= -1.0, "the limiter's ceiling was exceeded");
    }

    [Fact]
    public void TwoSourcesOfVeryDifferentLoudnessEndUpWithin1LuOfEachOther()
    {
        short[] quiet = Normalize(new LoudnessNormalizer(), SpeechLike(21, -30, 20));
        short[] loud = Normalize(new LoudnessNormalizer(), SpeechLike(22, -10, 20));
        double difference = LoudnessAnalysis.MeasureIntegrated(From(quiet, 10)) - LoudnessAnalysis.MeasureIntegrated(From(loud, 10));
        Assert.InRange(difference, -1.0, 1.0);
    }

    [Fact]
    public void ANoiseFloorUnderTheSilenceGateIsNotBoosted()
    {
        var normalizer = new LoudnessNormalizer();
        short[] noise = Noise(31, -60, 10);
        short[] output = Normalize(normalizer, noise);
        Assert.Equal(0.0, normalizer.GainDecibels);
        Assert.Equal(double.NegativeInfinity, normalizer.InputLoudnessEstimate);
        Assert.Equal(LoudnessAnalysis.MeasureIntegrated(noise), LoudnessAnalysis.MeasureIntegrated(output), 0.1);
    }

    [Fact]
    public void SpeechPausesDoNotRaiseTheGain()
    {
        var normalizer = new LoudnessNormalizer();
        Normalize(normalizer, SpeechLike(41, -16, 15));
        double gainAfterSpeech = normalizer.GainDecibels;
        Normalize(normalizer, Noise(42, -65, 10));
        Assert.Equal(gainAfterSpeech, normalizer.GainDecibels, 0.5);
    }

    [Fact]
    public void TheGainStaysWithinItsBounds()
    {
        var normalizer = new LoudnessNormalizer(new LoudnessNormalizerOptions { MaximumGainDecibels = 12 });
        Normalize(normalizer, SpeechLike(51, -45, 30));
        Assert.Equal(12.0, normalizer.TargetGainDecibels);
        Assert.InRange(normalizer.GainDecibels, 11.0, 12.0);
    }

    [Fact]
    public void ALoudSourceIsTurnedDownFasterThanAQuietOneIsTurnedUp()
    {
        var loud = new LoudnessNormalizer();
        var quiet = new LoudnessNormalizer();
        Normalize(loud, SpeechLike(61, -6, 2));
        Normalize(quiet, SpeechLike(62, -26, 2));
        // Both need 10 dB; the attack (0.5 s) gets further in 2 s than the release (2 s).
        Assert.True(-loud.GainDecibels > quiet.GainDecibels + 2, $"attack {loud.GainDecibels:F2} dB, release {quiet.GainDecibels:F2} dB");
    }

    [Fact]
    public void ResetReturnsToUnityGain()
    {
        var normalizer = new LoudnessNormalizer();
        Normalize(normalizer, SpeechLike(71, -30, 5));
        Assert.True(normalizer.GainDecibels > 3);
        normalizer.Reset();
        Assert.Equal(0.0, normalizer.GainDecibels);
        Assert.Equal(double.NegativeInfinity, normalizer.InputLoudnessEstimate);
    }

    [Fact]
    public void ProcessAllocatesNothing()
    {
        var normalizer = new LoudnessNormalizer();
        short[] speech = SpeechLike(81, -25, 1);
        var frame = new short[960];
        int offset = 0;
        AllocationBudget.AssertZero(() =>
        {
            speech.AsSpan(offset, 960).CopyTo(frame);
            offset = (offset + 960) % (speech.Length - 960);
            normalizer.Process(frame);
        });
    }

    private static short[] Normalize(LoudnessNormalizer normalizer, short[] input)
    {
        short[] output = (short[])input.Clone();
        for (int offset = 0; offset + 960 <= output.Length; offset += 960)
        {
            normalizer.Process(output.AsSpan(offset, 960));
        }

        return output;
    }
}
