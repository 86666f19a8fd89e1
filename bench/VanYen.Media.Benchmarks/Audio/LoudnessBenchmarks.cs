using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Audio.Loudness;

namespace VanYen.Media.Benchmarks.Audio;

/// <summary>
/// Loudness work per 20 ms mono frame at 48 kHz (960 samples): BS.1770-4 metering, the look-ahead limiter,
/// and the stream normalizer (meter + gain + limiter) that every live source goes through.
/// </summary>
[MemoryDiagnoser]
public class LoudnessBenchmarks
{
    private const int FrameLength = 960;
    private const int FrameCount = 50;

    private readonly short[] _signal = new short[FrameLength * FrameCount];
    private readonly short[] _frame = new short[FrameLength];
    private LoudnessMeter _meter = null!;
    private Limiter _limiter = null!;
    private LoudnessNormalizer _normalizer = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        // Speech-like: noise with a syllable-rate envelope, about -25 LUFS, so the normalizer boosts and the limiter works.
        var random = new Random(1770);
        for (int i = 0; i < _signal.Length; i++)
        {
            double envelope = 0.3 + (0.7 * Math.Abs(Math.Sin(2 * Math.PI * 2 * i / 48000.0)));
            _signal[i] = (short)(random.Next(-6000, 6001) * envelope);
        }

        _meter = new LoudnessMeter();
        _limiter = new Limiter();
        _normalizer = new LoudnessNormalizer();
    }

    [Benchmark(Baseline = true)]
    public int Meter() => _meter.Process(NextFrame());

    [Benchmark]
    public void Limiter() => _limiter.Process(NextFrame(), 4f);

    [Benchmark]
    public void Normalizer() => _normalizer.Process(NextFrame());

    [Benchmark]
    public double IntegratedLoudness() => _meter.IntegratedLoudness;

    private short[] NextFrame()
    {
        _signal.AsSpan(_next * FrameLength, FrameLength).CopyTo(_frame);
        _next = (_next + 1) % FrameCount;
        return _frame;
    }
}
