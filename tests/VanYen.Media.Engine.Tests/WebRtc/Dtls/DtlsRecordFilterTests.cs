using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

public class DtlsRecordFilterTests
{
    [Fact]
    public void APlaintextEpochZeroRecordOfAnyLengthPasses()
    {
        byte[] record = Record(epoch: 0, bodyLength: 1);

        Assert.True(DtlsRecordFilter.IsAcceptable(record, 24));
    }

    [Fact]
    public void AProtectedRecordShorterThanTheAeadOverheadIsRejected()
    {
        Assert.False(DtlsRecordFilter.IsAcceptable(Record(epoch: 1, bodyLength: 23), 24));
        Assert.True(DtlsRecordFilter.IsAcceptable(Record(epoch: 1, bodyLength: 24), 24));
    }

    [Fact]
    public void EveryRecordOfADatagramIsChecked()
    {
        byte[] datagram = [.. Record(epoch: 0, bodyLength: 40), .. Record(epoch: 1, bodyLength: 30), .. Record(epoch: 1, bodyLength: 5)];

        Assert.False(DtlsRecordFilter.IsAcceptable(datagram, 24));
        Assert.True(DtlsRecordFilter.IsAcceptable(datagram.AsSpan(0, 13 + 40 + 13 + 30), 24));
    }

    [Fact]
    public void RandomAndTruncatedInputNeverThrows()
    {
        var random = new Random(7983);
        for (int i = 0; i < 5000; i++)
        {
            byte[] datagram = new byte[random.Next(0, 200)];
            random.NextBytes(datagram);
            _ = DtlsRecordFilter.IsAcceptable(datagram, random.Next(0, 40));
        }
    }

    private static byte[] Record(ushort epoch, int bodyLength)
    {
        byte[] record = new byte[13 + bodyLength];
        record[0] = 23;
        record[1] = 0xFE;
        record[2] = 0xFD;
        record[3] = (byte)(epoch >> 8);
        record[4] = (byte)epoch;
        record[11] = (byte)(bodyLength >> 8);
        record[12] = (byte)bodyLength;
        return record;
    }
}
