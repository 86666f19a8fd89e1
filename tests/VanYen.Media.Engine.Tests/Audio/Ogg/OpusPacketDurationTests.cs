using VanYen.Media.Engine.Audio.Ogg;

namespace VanYen.Media.Engine.Tests.Audio.Ogg;

public class OpusPacketDurationTests
{
    // RFC 6716 §3.1 Table 2: configuration number -> frame size at 48 kHz.
    [Theory]
    [InlineData(0, 480)]
    [InlineData(1, 960)]
    [InlineData(2, 1920)]
    [InlineData(3, 2880)]
    [InlineData(11, 2880)]
    [InlineData(12, 480)]
    [InlineData(13, 960)]
    [InlineData(15, 960)]
    [InlineData(16, 120)]
    [InlineData(17, 240)]
    [InlineData(18, 480)]
    [InlineData(19, 960)]
    [InlineData(31, 960)]
    public void SingleFramePacketsLastOneFrame(int configuration, int expected)
    {
        byte[] packet = [(byte)(configuration << 3), 0, 0];
        Assert.True(OpusPacketDuration.TryGetSampleCount(packet, out int samples));
        Assert.Equal(expected, samples);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CodesOneAndTwoCarryTwoFrames(int code)
    {
        byte[] packet = [(byte)((1 << 3) | code), 0, 0];
        Assert.True(OpusPacketDuration.TryGetSampleCount(packet, out int samples));
        Assert.Equal(1920, samples);
    }

    [Fact]
    public void CodeThreeReadsTheFrameCount()
    {
        // Configuration 16 (CELT 2.5 ms), 48 frames: exactly 120 ms.
        byte[] packet = [(16 << 3) | 3, 48];
        Assert.True(OpusPacketDuration.TryGetSampleCount(packet, out int samples));
        Assert.Equal(5760, samples);
    }

    [Fact]
    public void MalformedPacketsAreRejected()
    {
        Assert.False(OpusPacketDuration.TryGetSampleCount([], out _));
        Assert.False(OpusPacketDuration.TryGetSampleCount([0x03], out _));
        Assert.False(OpusPacketDuration.TryGetSampleCount([0x03, 0], out _));
        // Three 60 ms SILK frames: 180 ms, over the 120 ms limit of RFC 6716 §3.2.5.
        Assert.False(OpusPacketDuration.TryGetSampleCount([(3 << 3) | 3, 3], out _));
    }
}
