using VanYen.Media.Engine.Rtcp;
using static VanYen.Media.Engine.Tests.Rtcp.RtcpTestHelpers;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpFullIntraRequestTests
{
    [Fact]
    public void TryParseReadsTheEntry()
    {
        Assert.True(RtcpFullIntraRequest.TryParse(First(RtcpTestPackets.FullIntraRequest()), out RtcpFullIntraRequest fir));
        Assert.Equal(1u, fir.SenderSsrc);
        Assert.Equal(0u, fir.MediaSsrc);
        Assert.Equal(1, fir.EntryCount);
        Assert.Equal(new RtcpFirEntry(0x11223344, 7), fir.GetEntry(0));
    }

    [Fact]
    public void WriteReproducesTheHandBuiltVector()
    {
        byte[] buffer = new byte[RtcpFullIntraRequest.GetLength(1)];
        Assert.Equal(20, RtcpFullIntraRequest.Write(buffer, 1, [new RtcpFirEntry(0x11223344, 7)]));
        Assert.Equal(RtcpTestPackets.FullIntraRequest(), buffer);
    }

    [Fact]
    public void SeveralEntriesRoundTrip()
    {
        byte[] buffer = new byte[RtcpFullIntraRequest.GetLength(3)];
        RtcpFirEntry[] entries = [new(1, 0), new(2, 255), new(3, 128)];
        RtcpFullIntraRequest.Write(buffer, 9, entries);

        Assert.True(RtcpFullIntraRequest.TryParse(First(buffer), out RtcpFullIntraRequest fir));
        Assert.Equal(3, fir.EntryCount);
        Assert.Equal(entries[1], fir.GetEntry(1));
        Assert.Equal(entries[2], fir.GetEntry(2));
    }

    [Fact]
    public void TryParseRejectsAHalfEntryAndNoEntry()
    {
        byte[] halfEntry = [0x84, 0xCE, 0x00, 0x03, 0, 0, 0, 1, 0, 0, 0, 0, 0x11, 0x22, 0x33, 0x44];
        Assert.False(RtcpFullIntraRequest.TryParse(First(halfEntry), out _));
        byte[] noEntry = [0x84, 0xCE, 0x00, 0x02, 0, 0, 0, 1, 0, 0, 0, 0];
        Assert.False(RtcpFullIntraRequest.TryParse(First(noEntry), out _));
        Assert.Throws<ArgumentException>(() => RtcpFullIntraRequest.Write(new byte[64], 1, []));
    }
}
