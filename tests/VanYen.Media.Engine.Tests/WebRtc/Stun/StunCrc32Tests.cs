using System.Buffers.Binary;
using System.Text;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.WebRtc.Stun;

public class StunCrc32Tests
{
    [Fact]
    public void TheCheckValueOfCrc32IsoHdlcComesOut()
    {
        // The catalogue check value of CRC-32/ISO-HDLC: CRC of ASCII "123456789".
        Assert.Equal(0xCBF43926u, StunCrc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void AnEmptyInputHasCrcZero()
    {
        Assert.Equal(0u, StunCrc32.Compute([]));
    }

    [Fact]
    public void TheRfc5769RequestFingerprintIsTheCrcOfWhatPrecedesItXorStun()
    {
        byte[] request = Rfc5769Vectors.Request;
        int fingerprintOffset = request.Length - 8;
        uint expected = BinaryPrimitives.ReadUInt32BigEndian(request.AsSpan(fingerprintOffset + 4));
        Assert.Equal(expected, StunCrc32.Compute(request.AsSpan(0, fingerprintOffset)) ^ 0x5354554Eu);
    }
}
