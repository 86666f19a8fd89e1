using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Benchmarks.Net;

/// <summary>Cost of classifying one datagram by its first bytes (RFC 7983 §7), for each kind a media port sees.</summary>
[MemoryDiagnoser]
public class PacketDemultiplexerBenchmarks
{
    private readonly byte[] _rtp = new byte[172];
    private readonly byte[] _rtcp = new byte[32];
    private readonly byte[] _stun = new byte[100];
    private readonly byte[] _dtls = new byte[150];
    private readonly byte[] _malformed = new byte[40];

    [GlobalSetup]
    public void Setup()
    {
        _rtp[0] = 0x80;
        _rtp[1] = 111;
        _rtcp[0] = 0x81;
        _rtcp[1] = 200;
        _stun[0] = 0x00;
        _stun[1] = 0x01;
        _dtls[0] = 0x17;
        _malformed[0] = 0x70;
    }

    [Benchmark(Baseline = true)]
    public PacketKind Rtp() => PacketDemultiplexer.Classify(_rtp);

    [Benchmark]
    public PacketKind Rtcp() => PacketDemultiplexer.Classify(_rtcp);

    [Benchmark]
    public PacketKind Stun() => PacketDemultiplexer.Classify(_stun);

    [Benchmark]
    public PacketKind Dtls() => PacketDemultiplexer.Classify(_dtls);

    [Benchmark]
    public PacketKind Malformed() => PacketDemultiplexer.Classify(_malformed);
}
