using System.Net;
using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Benchmarks.Net;

/// <summary>
/// The receive path without sockets: send → copy into a pooled buffer → count → classify → handler,
/// through <see cref="InMemoryPacketTransport"/>; the echo case adds the handler's answer back.
/// </summary>
[MemoryDiagnoser]
public class InMemoryTransportBenchmarks
{
    private readonly byte[] _rtp = new byte[172];
    private InMemoryPacketTransport _first = null!;
    private InMemoryPacketTransport _second = null!;
    private SocketAddress _secondAddress = null!;
    private InMemoryPacketTransport _echoFirst = null!;
    private InMemoryPacketTransport _echoSecond = null!;
    private SocketAddress _echoSecondAddress = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rtp[0] = 0x80;
        _rtp[1] = 111;
        (_first, _second) = InMemoryPacketTransport.CreatePair(new CountingHandler(), new CountingHandler());
        _secondAddress = _second.LocalAddress;
        (_echoFirst, _echoSecond) = InMemoryPacketTransport.CreatePair(new CountingHandler(), new EchoHandler());
        _echoSecondAddress = _echoSecond.LocalAddress;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _first.Dispose();
        _second.Dispose();
        _echoFirst.Dispose();
        _echoSecond.Dispose();
    }

    [Benchmark(Baseline = true)]
    public bool SendToHandler() => _first.TrySend(_rtp, _secondAddress);

    [Benchmark]
    public bool SendToHandlerThatAnswers() => _echoFirst.TrySend(_rtp, _echoSecondAddress);

    private sealed class CountingHandler : IDatagramHandler
    {
        public long Count { get; private set; }

        public void OnDatagram(ReceivedDatagram datagram)
        {
            if (datagram.Kind == PacketKind.Rtp)
            {
                Count++;
            }
        }
    }

    private sealed class EchoHandler : IDatagramHandler
    {
        public void OnDatagram(ReceivedDatagram datagram) =>
            datagram.Transport.TrySend(datagram.Data, datagram.Remote);
    }
}
