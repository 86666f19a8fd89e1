using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Benchmarks.Broadcast;

/// <summary>
/// Encode once, fan out: the cost per receiver per packet of <see cref="ClusterChannel.Publish"/> (RTP header written
/// once, the packet handed to N sinks that each copy it into their own send buffer), and one whole 20 ms tick of
/// <see cref="BroadcastEngine"/> with one program encoded once for 10 clusters.
/// </summary>
[MemoryDiagnoser]
public class ClusterFanOutBenchmarks
{
    private readonly byte[] _payload = new byte[80];
    private readonly short[] _pcm = new short[960];
    private ClusterChannel _one = null!;
    private ClusterChannel _hundred = null!;
    private ClusterChannel _thousand = null!;
    private BroadcastEngine _engine = null!;
    private long _tick;

    [GlobalSetup]
    public void Setup()
    {
        new Random(3550).NextBytes(_payload);
        _one = ChannelWith(1);
        _hundred = ChannelWith(100);
        _thousand = ChannelWith(1000);

        _engine = new BroadcastEngine(options: new BroadcastEngineOptions { OpenSourcesOnClockThread = true });
        var clusters = new long[10];
        for (int i = 0; i < clusters.Length; i++)
        {
            clusters[i] = i + 1;
            _engine.GetChannel(clusters[i]).Attach(new CopyingSink());
        }

        _engine.Start(new BroadcastProgramRequest
        {
            Id = "bench",
            Title = "benchmark tone",
            Priority = ProgramPriority.Normal,
            ClusterIds = clusters,
            Repetitions = null,
            CreateSource = static (_, _) => ValueTask.FromResult<IAudioSource>(new ToneSource()),
        });
        for (int i = 0; i < 10; i++)
        {
            _engine.OnTick(_tick++);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = 1)]
    public void PublishTo1Receiver() => _one.Publish("program", _payload, _pcm);

    [Benchmark(OperationsPerInvoke = 100)]
    public void PublishTo100Receivers() => _hundred.Publish("program", _payload, _pcm);

    [Benchmark(OperationsPerInvoke = 1000)]
    public void PublishTo1000Receivers() => _thousand.Publish("program", _payload, _pcm);

    /// <summary>One tick: read, gain + limiter, one Opus encode, publish to 10 clusters of one receiver each.</summary>
    [Benchmark]
    public void EngineTickOneProgramTenClusters() => _engine.OnTick(_tick++);

    private static ClusterChannel ChannelWith(int receivers)
    {
        var channel = new ClusterChannel(receivers);
        for (int i = 0; i < receivers; i++)
        {
            channel.Attach(new CopyingSink());
        }

        return channel;
    }

    /// <summary>A receiver that copies the RTP packet into its own buffer, as a sender would before protecting it.</summary>
    private sealed class CopyingSink : IClusterSink
    {
        private readonly byte[] _buffer = new byte[1500];

        public void OnFrame(in ClusterFrame frame) => frame.RtpPacket.CopyTo(_buffer);
    }

    /// <summary>An endless 440 Hz tone, computed with a phase step so reading allocates nothing.</summary>
    private sealed class ToneSource : IAudioSource
    {
        private double _phase;

        public string Description => "tone";

        public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
        {
            Span<short> span = frame.Span;
            for (int i = 0; i < 960; i++)
            {
                span[i] = (short)(8000 * Math.Sin(_phase));
                _phase += 2 * Math.PI * 440 / 48000;
            }

            return ValueTask.FromResult(AudioSourceReadResult.Frame);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
