using VanYen.Media.Engine.Rtcp;
using static VanYen.Media.Engine.Tests.Rtcp.RtcpTestHelpers;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpPictureLossIndicationTests
{
    [Fact]
    public void TryParseReadsBothSsrcs()
    {
        Assert.True(RtcpPictureLossIndication.TryParse(First(RtcpTestPackets.PictureLossIndication()), out RtcpPictureLossIndication pli));
        Assert.Equal(1u, pli.SenderSsrc);
        Assert.Equal(0x11223344u, pli.MediaSsrc);
    }

    [Fact]
    public void WriteReproducesTheHandBuiltVector()
    {
        byte[] buffer = new byte[RtcpPictureLossIndication.Length];
        Assert.Equal(12, RtcpPictureLossIndication.Write(buffer, 1, 0x11223344));
        Assert.Equal(RtcpTestPackets.PictureLossIndication(), buffer);
    }

    [Fact]
    public void TryParseRejectsAFciAndOtherFormats()
    {
        byte[] withFci = [0x81, 0xCE, 0x00, 0x03, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0];
        Assert.False(RtcpPictureLossIndication.TryParse(First(withFci), out _));
        Assert.False(RtcpPictureLossIndication.TryParse(First(RtcpTestPackets.FullIntraRequest()), out _));
        Assert.False(RtcpPictureLossIndication.TryParse(First(RtcpTestPackets.Nack()), out _));
        byte[] noMediaSsrc = [0x81, 0xCE, 0x00, 0x01, 0, 0, 0, 1];
        Assert.False(RtcpPictureLossIndication.TryParse(First(noMediaSsrc), out _));
    }
}
