using VanYen.Media.Engine.Audio.Resampling;

namespace VanYen.Media.Engine.Tests.Audio.Resampling;

public sealed class SampleConversionTests
{
    [Fact]
    public void ShortsSurviveARoundTripThroughFloats()
    {
        var random = new Random(16);
        var samples = new short[963];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        samples[0] = short.MinValue;
        samples[1] = short.MaxValue;
        var floats = new float[samples.Length];
        var back = new short[samples.Length];

        SampleConversion.ToSingle(samples, floats);
        SampleConversion.ToInt16(floats, back);

        Assert.Equal(samples, back);
    }

    [Fact]
    public void FloatsAreRoundedAndClampedTheSameWayInEveryLane()
    {
        // Long enough for whole vectors and a scalar tail, with out-of-range and half-way values in both.
        float[] pattern = [40_000f, -40_000f, 1.4f, 1.6f, -1.6f, 32_767.4f, -32_768.6f, 0f, 2.5f];
        var floats = new float[pattern.Length * 7];
        for (int i = 0; i < floats.Length; i++)
        {
            floats[i] = pattern[i % pattern.Length];
        }

        var samples = new short[floats.Length];
        SampleConversion.ToInt16(floats, samples);

        short[] expected = [32_767, -32_768, 1, 2, -2, 32_767, -32_768, 0, 2];
        for (int i = 0; i < samples.Length; i++)
        {
            Assert.Equal(expected[i % expected.Length], samples[i]);
        }
    }
}
