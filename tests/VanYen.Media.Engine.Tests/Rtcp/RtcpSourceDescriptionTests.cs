using System.Text;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Tests.Testing;
using static VanYen.Media.Engine.Tests.Rtcp.RtcpTestHelpers;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpSourceDescriptionTests
{
    [Fact]
    public void TryGetCnameFindsChromesCname()
    {
        RtcpPacket packet = At(RtcpTestPackets.SenderReportAndSourceDescription(), 1);

        Assert.True(RtcpSourceDescription.TryParse(packet, out RtcpSourceDescription description));
        Assert.Equal(1, description.ChunkCount);
        Assert.True(description.TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname));
        Assert.Equal(0x11223344u, ssrc);
        Assert.Equal(RtcpTestPackets.Cname, Encoding.UTF8.GetString(cname));
    }

    [Fact]
    public void ChunksAndItemsAreEnumeratedInOrder()
    {
        byte[] bytes =
        [
            0x82, 0xCA, 0x00, 0x06,
            0x00, 0x00, 0x00, 0x01,
            0x02, 0x03, .. "Lan"u8, 0x06, 0x02, .. "vy"u8, 0x00, 0x00, 0x00, // NAME, TOOL, END + 2 pad
            0x00, 0x00, 0x00, 0x02,
            0x01, 0x01, .. "c"u8, 0x00, // CNAME, END
        ];
        var seen = new List<string>();

        Assert.True(RtcpSourceDescription.TryParse(First(bytes), out RtcpSourceDescription description));
        foreach (RtcpSdesChunk chunk in description.Chunks)
        {
            foreach (RtcpSdesItem item in chunk.Items)
            {
                seen.Add($"{chunk.Ssrc}:{item.Type}={Encoding.UTF8.GetString(item.Value)}");
            }
        }

        Assert.Equal(["1:Name=Lan", "1:Tool=vy", "2:Cname=c"], seen);
        Assert.True(description.TryGetCname(out uint ssrc, out _));
        Assert.Equal(2u, ssrc);
    }

    [Fact]
    public void AChunkWithoutItemsIsFourNullOctets()
    {
        byte[] bytes = [0x81, 0xCA, 0x00, 0x02, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00];
        Assert.True(RtcpSourceDescription.TryParse(First(bytes), out RtcpSourceDescription description));
        Assert.False(description.TryGetCname(out _, out _));
    }

    public static TheoryData<string, byte[]> MalformedPackets() => new()
    {
        { "item longer than the chunk", [0x81, 0xCA, 0x00, 0x02, 0, 0, 0, 1, 0x01, 0x05, 0x41, 0x00] },
        { "no END octet", [0x81, 0xCA, 0x00, 0x03, 0, 0, 0, 1, 0x01, 0x02, 0x41, 0x42, 0x02, 0x02, 0x43, 0x44] },
        { "more chunks counted than present", [0x82, 0xCA, 0x00, 0x02, 0, 0, 0, 1, 0x01, 0x01, 0x41, 0x00] },
        { "items filling the word without a null word after", [0x81, 0xCA, 0x00, 0x02, 0, 0, 0, 1, 0x01, 0x02, 0x41, 0x42] },
        { "chunk cut by padding", [0xA1, 0xCA, 0x00, 0x02, 0, 0, 0, 1, 0x01, 0x01, 0x41, 0x02] },
    };

    [Theory]
    [MemberData(nameof(MalformedPackets))]
    public void TryParseReturnsFalseForAMalformedPacket(string why, byte[] bytes)
    {
        Assert.False(RtcpSourceDescription.TryParse(First(bytes), out _), why);
    }

    [Fact]
    public void WriteCnameReproducesTheHandBuiltVector()
    {
        byte[] buffer = new byte[RtcpSourceDescription.GetCnameLength(16)];
        Assert.Equal(28, RtcpSourceDescription.WriteCname(buffer, 0x11223344, RtcpTestPackets.Cname.AsSpan()));
        Assert.Equal(RtcpTestPackets.SourceDescription(), buffer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("abc")]
    [InlineData("Đài truyền thanh xã")]
    public void WriteCnameRoundTripsForEveryPaddingLength(string cname)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(cname);
        byte[] buffer = new byte[RtcpSourceDescription.GetCnameLength(utf8.Length)];
        buffer.AsSpan().Fill(0xEE);

        int length = RtcpSourceDescription.WriteCname(buffer, 42, utf8);

        Assert.Equal(buffer.Length, length);
        Assert.Equal(0, length % 4);
        Assert.True(RtcpSourceDescription.TryParse(First(buffer), out RtcpSourceDescription description));
        Assert.True(description.TryGetCname(out uint ssrc, out ReadOnlySpan<byte> read));
        Assert.Equal(42u, ssrc);
        Assert.Equal(cname, Encoding.UTF8.GetString(read));
    }

    [Fact]
    public void WriteCnameRefusesMoreThan255Bytes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RtcpSourceDescription.WriteCname(new byte[400], 1, new byte[256]));
    }

    [Fact]
    public void FindingTheCnameAllocatesNothing()
    {
        byte[] bytes = RtcpTestPackets.SourceDescription();
        long sink = 0;
        AllocationBudget.AssertZero(() =>
        {
            RtcpPacket.TryParse(bytes, out RtcpPacket packet, out _);
            RtcpSourceDescription.TryParse(packet, out RtcpSourceDescription description);
            description.TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname);
            sink += ssrc + cname.Length;
        });
        Assert.NotEqual(0, sink);
    }
}
