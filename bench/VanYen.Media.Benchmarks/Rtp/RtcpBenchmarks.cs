using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Rtcp;

namespace VanYen.Media.Benchmarks.Rtp;

/// <summary>Per-packet cost of reading RTCP: the SR + SDES compound every sender emits, and a NACK (0 B expected).</summary>
[MemoryDiagnoser]
public class RtcpBenchmarks
{
    private readonly byte[] _senderReportAndSourceDescription = new byte[256];
    private readonly byte[] _nack = new byte[64];
    private int _compoundLength;
    private int _nackLength;

    [GlobalSetup]
    public void Setup()
    {
        var block = new RtcpReportBlock(0x55667788, 12, 3, 0x0001_0400, 40, 0xB705_2000, 0x0005_4000);
        _compoundLength = RtcpSenderReport.Write(_senderReportAndSourceDescription, 0x11223344, new NtpTimestamp(0xE8A51234_80000000UL), 123456, 100, 16000, [block]);
        _compoundLength += RtcpSourceDescription.WriteCname(_senderReportAndSourceDescription.AsSpan(_compoundLength), 0x11223344, "4TOk42mSjXCkVIa6".AsSpan());
        _nackLength = RtcpGenericNack.Write(_nack, 1, 0x11223344, [100, 101, 103, 110, 130, 131]);
    }

    [Benchmark(Baseline = true)]
    public long ParseSenderReportAndSourceDescription()
    {
        long sum = 0;
        foreach (RtcpPacket packet in new RtcpCompoundReader(_senderReportAndSourceDescription.AsSpan(0, _compoundLength)))
        {
            if (RtcpSenderReport.TryParse(packet, out RtcpSenderReport report))
            {
                sum += report.NtpTimestamp.Compact + report.GetReportBlock(0).Jitter;
            }
            else if (RtcpSourceDescription.TryParse(packet, out RtcpSourceDescription description)
                && description.TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname))
            {
                sum += ssrc + cname.Length;
            }
        }

        return sum;
    }

    [Benchmark]
    public long ParseNackAndEnumerateLost()
    {
        long sum = 0;
        if (RtcpPacket.TryParse(_nack.AsSpan(0, _nackLength), out RtcpPacket packet, out _)
            && RtcpGenericNack.TryParse(packet, out RtcpGenericNack nack))
        {
            foreach (ushort sequence in nack.LostSequenceNumbers)
            {
                sum += sequence;
            }
        }

        return sum;
    }
}
