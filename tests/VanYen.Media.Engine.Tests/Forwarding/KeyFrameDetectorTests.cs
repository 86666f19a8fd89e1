using VanYen.Media.Engine.Forwarding;

namespace VanYen.Media.Engine.Tests.Forwarding;

public sealed class KeyFrameDetectorTests
{
    [Theory]
    [InlineData(new byte[] { 0x10, 0x00, 0x9D, 0x01, 0x2A }, true)] // S=1, PID=0, P=0
    [InlineData(new byte[] { 0x10, 0x01, 0x9D }, false)] // P=1: an interframe
    [InlineData(new byte[] { 0x00, 0x00, 0x9D }, false)] // not the start of the frame
    [InlineData(new byte[] { 0x11, 0x00, 0x9D }, false)] // partition 1
    [InlineData(new byte[] { 0x90, 0x80, 0x81, 0x23, 0x00, 0x9D }, true)] // X, I with a 15-bit picture id
    [InlineData(new byte[] { 0x90, 0xE0, 0x05, 0x07, 0x20, 0x00 }, true)] // X, I (7-bit), L, T
    [InlineData(new byte[] { 0x90, 0xE0, 0x05, 0x07, 0x20, 0x01 }, false)]
    [InlineData(new byte[] { 0x10 }, false)]
    public void Vp8KeyFramesAreFoundFromThePayloadDescriptorAndHeader(byte[] payload, bool expected) =>
        Assert.Equal(expected, KeyFrameDetector.IsKeyFrameStart(VideoCodecKind.Vp8, payload));

    [Theory]
    [InlineData(new byte[] { 0x65, 0x88 }, true)] // IDR slice
    [InlineData(new byte[] { 0x67, 0x42 }, true)] // SPS
    [InlineData(new byte[] { 0x41, 0x9A }, false)] // non-IDR slice
    [InlineData(new byte[] { 0x78, 0x00, 0x02, 0x67, 0x42, 0x00, 0x02, 0x68, 0xCE }, true)] // STAP-A with SPS and PPS
    [InlineData(new byte[] { 0x78, 0x00, 0x02, 0x06, 0x05, 0x00, 0x02, 0x41, 0x9A }, false)] // STAP-A of SEI and a P slice
    [InlineData(new byte[] { 0x7C, 0x85, 0x88 }, true)] // FU-A start of an IDR
    [InlineData(new byte[] { 0x7C, 0x05, 0x88 }, false)] // FU-A middle of an IDR
    [InlineData(new byte[] { 0x7C, 0x81, 0x88 }, false)] // FU-A start of a P slice
    [InlineData(new byte[] { 0x78, 0x00, 0x09, 0x67 }, false)] // STAP-A with a size past the end
    public void H264KeyFramesAreFoundFromTheNalUnitTypes(byte[] payload, bool expected) =>
        Assert.Equal(expected, KeyFrameDetector.IsKeyFrameStart(VideoCodecKind.H264, payload));

    [Fact]
    public void AnUnknownCodecNeverStartsAKeyFrame() =>
        Assert.False(KeyFrameDetector.IsKeyFrameStart(VideoCodecKind.None, [0x10, 0x00, 0x9D]));
}
