using System.Buffers.Binary;
using VanYen.Media.Engine.Audio.Ogg;

namespace VanYen.Media.Engine.Tests.Audio.Ogg;

public class OpusTagsTests
{
    [Fact]
    public void WriteThenParseKeepsVendorAndComments()
    {
        var tags = new OpusTags("VanYen.Media", [new("TITLE", "Tin khẩn cấp"), new("LANGUAGE", "vi")]);
        var packet = new byte[tags.Length];
        Assert.Equal(packet.Length, tags.Write(packet));

        OpusTags parsed = OpusTags.Parse(packet);
        Assert.Equal("VanYen.Media", parsed.Vendor);
        Assert.Equal(2, parsed.Comments.Count);
        Assert.Equal("Tin khẩn cấp", parsed.GetComment("Title"));
        Assert.Null(parsed.GetComment("ARTIST"));
    }

    [Fact]
    public void ACommentCountLargerThanTheDataIsRejected()
    {
        var packet = new byte[new OpusTags().Length];
        new OpusTags().Write(packet);
        BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(packet.Length - 4), uint.MaxValue);
        Assert.False(OpusTags.TryParse(packet, out _, out string? error));
        Assert.Contains("comments", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTruncationIsRejectedWithoutThrowing()
    {
        var tags = new OpusTags("VanYen.Media", [new("TITLE", "x")]);
        var packet = new byte[tags.Length];
        tags.Write(packet);
        for (int length = 0; length < packet.Length; length++)
        {
            Assert.False(OpusTags.TryParse(packet.AsSpan(0, length), out _, out _));
        }
    }

    [Fact]
    public void EveryTruncationOfAnOpusHeadIsRejectedWithoutThrowing()
    {
        var packet = new byte[OpusHead.Family0Length];
        new OpusHead(2, 312, 48000, 0).Write(packet);
        Assert.True(OpusHead.TryParse(packet, out _, out _));
        for (int length = 0; length < packet.Length; length++)
        {
            Assert.False(OpusHead.TryParse(packet.AsSpan(0, length), out _, out _));
        }
    }

    [Fact]
    public void AnOpusHeadWithAMappingTableIsParsed()
    {
        // Family 1, 3 channels: 2 streams, 1 coupled, mapping 0,2,1 (RFC 7845 §5.1.1.2).
        byte[] packet = [.. "OpusHead"u8, 1, 3, 0x38, 0x01, 0x80, 0xBB, 0, 0, 0, 0, 1, 2, 1, 0, 2, 1];
        OpusHead head = OpusHead.Parse(packet);
        Assert.Equal(3, head.ChannelCount);
        Assert.Equal(1, head.ChannelMappingFamily);
        Assert.Equal(2, head.StreamCount);
        Assert.Equal(1, head.CoupledStreamCount);
        Assert.Equal(new byte[] { 0, 2, 1 }, head.ChannelMapping.ToArray());
    }
}
