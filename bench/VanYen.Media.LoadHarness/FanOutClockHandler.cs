using System.Diagnostics;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.LoadHarness;

/// <summary>
/// The server's tick: encodes the next 20 ms of a 440 Hz tone with Opus and publishes it on the cluster channel,
/// which fans it out over SRTP to every device. Only the publish (the fan-out) is timed, with a Stopwatch and with the
/// clock thread's CPU time; the encode is the same for any N and is left out.
/// </summary>
internal sealed class FanOutClockHandler : IMediaClockHandler, IDisposable
{
    private const int FrameSamples = 960;

    private readonly ClusterChannel _channel;
    private readonly OpusAudioEncoder _encoder = new(new OpusEncoderOptions { Application = OpusEncoderApplication.Audio, Bitrate = 32000 });
    private readonly short[] _pcm = new short[FrameSamples];
    private readonly byte[] _opus = new byte[1275];
    private readonly long[] _fanOutTicks;
    private long _sample;
    private int _count;
    private long _cpuNanoseconds;

    public FanOutClockHandler(ClusterChannel channel, int maxTicks)
    {
        _channel = channel;
        _fanOutTicks = new long[maxTicks];
    }

    /// <summary>False until <see cref="Start"/>: ticks before it only warm the path up and are not measured.</summary>
    public bool Measuring { get; private set; }

    public int MeasuredTicks => Volatile.Read(ref _count);

    public long FanOutCpuNanoseconds => Interlocked.Read(ref _cpuNanoseconds);

    public ReadOnlySpan<long> FanOutStopwatchTicks => _fanOutTicks.AsSpan(0, MeasuredTicks);

    public void Start() => Measuring = true;

    public void Stop() => Measuring = false;

    public void OnTick(long tick)
    {
        for (int i = 0; i < FrameSamples; i++, _sample++)
        {
            _pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * _sample / 48000));
        }

        int length = _encoder.Encode(_pcm, _opus);
        bool measuring = Measuring;
        long cpuBefore = ThreadCpuTime.NowNanoseconds();
        long before = Stopwatch.GetTimestamp();
        _channel.Publish("load-test", _opus.AsSpan(0, length), _pcm);
        long elapsed = Stopwatch.GetTimestamp() - before;
        long cpu = ThreadCpuTime.NowNanoseconds() - cpuBefore;
        if (measuring && _count < _fanOutTicks.Length)
        {
            _fanOutTicks[_count] = elapsed;
            Volatile.Write(ref _count, _count + 1);
            Interlocked.Add(ref _cpuNanoseconds, cpu);
        }
    }

    public void Dispose() => _encoder.Dispose();
}
