using VanYen.Media.Engine.Audio.Resampling;

namespace VanYen.Media.Engine.Tests.Audio.Resampling;

public sealed class ChannelConverterTests
{
    [Fact]
    public void StereoToMonoAveragesEachPairWithoutClipping()
    {
        short[] stereo = [100, 300, short.MaxValue, short.MaxValue, short.MinValue, short.MinValue, -5, 4, 1000, -1000];
        var mono = new short[5];

        Assert.Equal(5, ChannelConverter.StereoToMono(stereo, mono));

        Assert.Equal(new short[] { 200, short.MaxValue, short.MinValue, -1, 0 }, mono);
    }

    [Fact]
    public void MonoToStereoCopiesEachSampleToBothChannels()
    {
        short[] mono = [1, -2, short.MaxValue];
        var stereo = new short[6];

        Assert.Equal(6, ChannelConverter.MonoToStereo(mono, stereo));

        Assert.Equal(new short[] { 1, 1, -2, -2, short.MaxValue, short.MaxValue }, stereo);
    }

    [Fact]
    public void MonoToStereoWorksInPlace()
    {
        short[] buffer = [1, 2, 3, 0, 0, 0];

        ChannelConverter.MonoToStereo(buffer.AsSpan(0, 3), buffer);

        Assert.Equal(new short[] { 1, 1, 2, 2, 3, 3 }, buffer);
    }

    [Fact]
    public void ShortDestinationIsRejected()
    {
        Assert.Throws<ArgumentException>(() => ChannelConverter.StereoToMono(new short[10], new short[4]));
        Assert.Throws<ArgumentException>(() => ChannelConverter.MonoToStereo(new short[5], new short[9]));
    }
}
