using VanYen.Media.Engine.Rtcp;

namespace VanYen.Media.Engine.Tests.Rtcp;

/// <summary>Small helpers to get at the single packet of a test vector.</summary>
internal static class RtcpTestHelpers
{
    /// <summary>Parses the first RTCP packet of <paramref name="bytes"/>, failing the test if it does not parse.</summary>
    public static RtcpPacket First(byte[] bytes)
    {
        Assert.True(RtcpPacket.TryParse(bytes, out RtcpPacket packet, out _));
        return packet;
    }

    /// <summary>Parses the packet at <paramref name="index"/> of a compound.</summary>
    public static RtcpPacket At(byte[] compound, int index)
    {
        var reader = new RtcpCompoundReader(compound);
        for (int i = 0; i <= index; i++)
        {
            Assert.True(reader.MoveNext());
        }

        return reader.Current;
    }
}
