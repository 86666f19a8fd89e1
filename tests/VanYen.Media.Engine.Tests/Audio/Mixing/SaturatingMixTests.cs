using VanYen.Media.Engine.Audio.Mixing;

namespace VanYen.Media.Engine.Tests.Audio.Mixing;

public sealed class SaturatingMixTests
{
    [Theory]
    [InlineData(1, 960, SaturatingMix.UnityGain)]
    [InlineData(2, 961, SaturatingMix.UnityGain / 2)]
    [InlineData(3, 7, SaturatingMix.MaximumGain)]
    [InlineData(4, 1000, 0)]
    [InlineData(5, 333, 5000)]
    public void VectorKernelsMatchTheScalarReference(int seed, int length, int gain)
    {
        var random = new Random(seed);
        var sources = new short[3][];
        for (int s = 0; s < sources.Length; s++)
        {
            sources[s] = new short[length];
            for (int i = 0; i < length; i++)
            {
                // Include the extremes, which are where wrapping would show.
                int pick = random.Next(10);
                sources[s][i] = pick == 0 ? short.MinValue : pick == 1 ? short.MaxValue : (short)random.Next(short.MinValue, short.MaxValue + 1);
            }
        }

        var vectorSum = new int[length];
        var scalarSum = new int[length];
        var vectorOwn = new int[sources.Length][];
        var scalarOwn = new int[sources.Length][];
        for (int s = 0; s < sources.Length; s++)
        {
            vectorOwn[s] = new int[length];
            scalarOwn[s] = new int[length];
            SaturatingMix.Accumulate(sources[s], gain, vectorOwn[s], vectorSum);
            SaturatingMix.AccumulateScalar(sources[s], gain, scalarOwn[s], scalarSum);
            Assert.Equal(scalarOwn[s], vectorOwn[s]);
        }

        Assert.Equal(scalarSum, vectorSum);

        var vectorOut = new short[length];
        var scalarOut = new short[length];
        SaturatingMix.Narrow(vectorSum, vectorOut);
        SaturatingMix.NarrowDifferenceScalar(scalarSum, default, scalarOut);
        Assert.Equal(scalarOut, vectorOut);

        SaturatingMix.NarrowDifference(vectorSum, vectorOwn[1], vectorOut);
        SaturatingMix.NarrowDifferenceScalar(scalarSum, scalarOwn[1], scalarOut);
        Assert.Equal(scalarOut, vectorOut);
    }

    [Fact]
    public void NarrowClampsToTheSixteenBitRange()
    {
        int[] sum = [70_000, -70_000, 32_767, -32_768, 32_768, -32_769, 0, 5];
        var output = new short[sum.Length];

        SaturatingMix.Narrow(sum, output);

        Assert.Equal(new short[] { 32_767, -32_768, 32_767, -32_768, 32_767, -32_768, 0, 5 }, output);
    }

    [Fact]
    public void ShortDestinationIsRejected()
    {
        Assert.Throws<ArgumentException>(() => SaturatingMix.Accumulate(new short[16], SaturatingMix.UnityGain, new int[8], new int[16]));
        Assert.Throws<ArgumentException>(() => SaturatingMix.NarrowDifference(new int[8], default, new short[16]));
    }
}
