using VanYen.Media.Engine.Audio.Codec;

namespace VanYen.Media.Engine.Tests.Audio.Codec;

public class OpusPacketHeaderTests
{
    // RFC 6716 §3.1, Table 2: configuration → mode, bandwidth, frame size (samples at 48 kHz).
    [Theory]
    [InlineData(0, OpusPacketMode.Silk, OpusPacketBandwidth.Narrowband, 480)]
    [InlineData(1, OpusPacketMode.Silk, OpusPacketBandwidth.Narrowband, 960)]
    [InlineData(2, OpusPacketMode.Silk, OpusPacketBandwidth.Narrowband, 1920)]
    [InlineData(3, OpusPacketMode.Silk, OpusPacketBandwidth.Narrowband, 2880)]
    [InlineData(5, OpusPacketMode.Silk, OpusPacketBandwidth.Mediumband, 960)]
    [InlineData(11, OpusPacketMode.Silk, OpusPacketBandwidth.Wideband, 2880)]
    [InlineData(12, OpusPacketMode.Hybrid, OpusPacketBandwidth.SuperWideband, 480)]
    [InlineData(13, OpusPacketMode.Hybrid, OpusPacketBandwidth.SuperWideband, 960)]
    [InlineData(14, OpusPacketMode.Hybrid, OpusPacketBandwidth.Fullband, 480)]
    [InlineData(15, OpusPacketMode.Hybrid, OpusPacketBandwidth.Fullband, 960)]
    [InlineData(16, OpusPacketMode.Celt, OpusPacketBandwidth.Narrowband, 120)]
    [InlineData(21, OpusPacketMode.Celt, OpusPacketBandwidth.Wideband, 240)]
    [InlineData(26, OpusPacketMode.Celt, OpusPacketBandwidth.SuperWideband, 480)]
    [InlineData(31, OpusPacketMode.Celt, OpusPacketBandwidth.Fullband, 960)]
    public void TocConfigurationFollowsTable2(int configuration, OpusPacketMode mode, OpusPacketBandwidth bandwidth, int samplesPerFrame)
    {
        byte[] packet = [(byte)(configuration << 3), 0xAA, 0xBB];

        Assert.True(OpusPacketHeader.TryParse(packet, out OpusPacketHeader header));
        Assert.Equal(configuration, header.Configuration);
        Assert.Equal(mode, header.Mode);
        Assert.Equal(bandwidth, header.Bandwidth);
        Assert.Equal(samplesPerFrame, header.SamplesPerFrameAt48Kilohertz);
        Assert.Equal(1, header.FrameCount);
        Assert.False(header.IsStereo);
    }

    [Theory]
    // Code 0: one frame (§3.2.2), stereo flag set.
    [InlineData(new byte[] { 0x7C, 1, 2, 3 }, 1, 960)]
    // A TOC byte alone is one empty frame (DTX).
    [InlineData(new byte[] { 0x78 }, 1, 960)]
    // Code 1: two frames of equal size (§3.2.3).
    [InlineData(new byte[] { 0x79, 1, 2, 3, 4 }, 2, 1920)]
    // Code 2: first frame 2 bytes, second takes the rest (§3.2.4).
    [InlineData(new byte[] { 0x7A, 2, 9, 9, 7, 7, 7 }, 2, 1920)]
    // Code 3, CBR, 3 frames of 2 bytes (§3.2.5).
    [InlineData(new byte[] { 0x0B, 0x03, 1, 1, 2, 2, 3, 3 }, 3, 2880)]
    // Code 3, VBR, 2 frames: lengths 1 then the rest.
    [InlineData(new byte[] { 0x0B, 0x82, 1, 5, 6, 6 }, 2, 1920)]
    // Code 3, CBR with padding: one padding-length byte of 2, two frames of 1 byte.
    [InlineData(new byte[] { 0x0B, 0x42, 2, 8, 9, 0, 0 }, 2, 1920)]
    // Code 3 with 6 × 20 ms = 120 ms, the longest allowed.
    [InlineData(new byte[] { 0x0B, 0x06 }, 6, 5760)]
    public void FrameCountAndDurationAreRead(byte[] packet, int frameCount, int samples)
    {
        Assert.True(OpusPacketHeader.TryParse(packet, out OpusPacketHeader header));
        Assert.Equal(frameCount, header.FrameCount);
        Assert.Equal(samples, header.SampleCountAt48Kilohertz);
        Assert.True(OpusPacketHeader.TryGetSampleCount(packet, 16000, out int at16Kilohertz));
        Assert.Equal(samples / 3, at16Kilohertz);
    }

    [Fact]
    public void TwoByteFrameLengthsAreDecoded()
    {
        // §3.2.1: 252..255 then a second byte; length = 4 × second + first = 4 × 1 + 252 = 256.
        var packet = new byte[1 + 2 + 256 + 10];
        packet[0] = 0x7A;
        packet[1] = 252;
        packet[2] = 1;
        Assert.True(OpusPacketHeader.TryParse(packet, out OpusPacketHeader header));
        Assert.Equal(2, header.FrameCount);
        Assert.False(OpusPacketHeader.TryParse(packet.AsSpan(0, 1 + 2 + 255), out _));
    }

    [Theory]
    // R1: empty.
    [InlineData(new byte[0])]
    // R3: code 1 with an odd number of bytes.
    [InlineData(new byte[] { 0x79, 1, 2, 3 })]
    // R4: code 2 with no length byte, and with a length beyond the packet.
    [InlineData(new byte[] { 0x7A })]
    [InlineData(new byte[] { 0x7A, 5, 1, 2 })]
    // Code 2 with the second length byte missing.
    [InlineData(new byte[] { 0x7A, 253 })]
    // R5: code 3 with no count byte, zero frames, and 3 × 60 ms = 180 ms.
    [InlineData(new byte[] { 0x7B })]
    [InlineData(new byte[] { 0x7B, 0x00 })]
    [InlineData(new byte[] { 0x1B, 0x03 })]
    // R6: CBR bytes not a multiple of the frame count.
    [InlineData(new byte[] { 0x0B, 0x02, 1, 2, 3 })]
    // Padding longer than the packet, and a padding length that never ends.
    [InlineData(new byte[] { 0x0B, 0x41, 9, 1 })]
    [InlineData(new byte[] { 0x0B, 0x41, 255 })]
    // R7: VBR lengths beyond the packet.
    [InlineData(new byte[] { 0x0B, 0x82, 9, 1, 2 })]
    public void MalformedPacketsAreRefused(byte[] packet)
    {
        Assert.False(OpusPacketHeader.TryParse(packet, out _));
        Assert.False(OpusPacketHeader.TryGetSampleCount(packet, 48000, out int samples));
        Assert.Equal(0, samples);
    }

    [Fact]
    public void ASingleFrameLongerThan1275BytesIsRefused()
    {
        // R2.
        var packet = new byte[1 + 1276];
        packet[0] = 0x78;
        Assert.False(OpusPacketHeader.TryParse(packet, out _));
        Assert.True(OpusPacketHeader.TryParse(packet.AsSpan(0, 1 + 1275), out _));
    }

    [Fact]
    public void MutatedPacketsNeverThrowAndParseConsistently()
    {
        var random = new Random(6716);
        byte[] seed = [0x0B, 0xC3, 3, 2, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        for (int i = 0; i < 20_000; i++)
        {
            byte[] packet = Mutate(random, seed);
            if (OpusPacketHeader.TryParse(packet, out OpusPacketHeader header))
            {
                Assert.InRange(header.FrameCount, 1, 48);
                Assert.InRange(header.SampleCountAt48Kilohertz, 120, OpusPacketHeader.MaxSamplesPerPacketAt48Kilohertz);
                Assert.Equal(packet[0], header.Toc);
            }
        }
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        switch (random.Next(4))
        {
            case 0:
                var flipped = (byte[])seed.Clone();
                flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                return flipped;
            case 1:
                return seed.AsSpan(0, random.Next(seed.Length + 1)).ToArray();
            case 2:
                var extended = new byte[seed.Length + random.Next(1, 300)];
                seed.CopyTo(extended, 0);
                random.NextBytes(extended.AsSpan(seed.Length));
                return extended;
            default:
                var noise = new byte[random.Next(0, 64)];
                random.NextBytes(noise);
                return noise;
        }
    }
}
