using System.Buffers.Binary;
using System.Text;
using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Audio.Ogg;

public class OggCrcTests
{
    [Fact]
    public void EmptyInputGivesZero()
    {
        Assert.Equal(0u, OggCrc.Compute([]));
    }

    [Fact]
    public void CheckStringGivesTheCatalogueValue()
    {
        // CRC-32 with polynomial 0x04C11DB7, MSB first, init 0, no final xor: the CRC-32/CKSUM algorithm
        // without its final inversion, whose catalogue check value is 0x765E7680, so ~0x765E7680.
        Assert.Equal(0x89A1897Fu, OggCrc.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void FfmpegPageChecksumIsReproduced()
    {
        byte[] page = OggTestData.FfmpegOpusHeadPage.ToArray();
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(22));
        page.AsSpan(22, 4).Clear();
        Assert.Equal(0xAFA887FCu, stored);
        Assert.Equal(stored, OggCrc.Compute(page));
    }

    [Fact]
    public void UpdateInPiecesEqualsComputeInOneGo()
    {
        byte[] data = new byte[1000];
        new Random(7).NextBytes(data);
        uint whole = OggCrc.Compute(data);
        for (int split = 0; split <= data.Length; split += 37)
        {
            uint pieces = OggCrc.Update(OggCrc.Compute(data.AsSpan(0, split)), data.AsSpan(split));
            Assert.Equal(whole, pieces);
        }
    }

    [Fact]
    public void ComputeAllocatesNothing()
    {
        byte[] data = new byte[4096];
        AllocationBudget.AssertZero(() => OggCrc.Compute(data), iterations: 1000);
    }
}
