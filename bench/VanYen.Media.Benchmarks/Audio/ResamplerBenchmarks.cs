using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Audio.Resampling;

namespace VanYen.Media.Benchmarks.Audio;

/// <summary>Resampling one 20 ms mono frame between 48 kHz (Opus) and 16 kHz (wideband), at the default quality.</summary>
[MemoryDiagnoser]
public class ResamplerBenchmarks
{
    private readonly short[] _wideFrame = new short[960];
    private readonly short[] _narrowFrame = new short[320];
    private AudioResampler _down = null!;
    private AudioResampler _up = null!;
    private short[] _downOutput = null!;
    private short[] _upOutput = null!;

    [GlobalSetup]
    public void Setup()
    {
        _down = new AudioResampler(48_000, 16_000);
        _up = new AudioResampler(16_000, 48_000);
        _downOutput = new short[_down.MaxOutputLength(_wideFrame.Length)];
        _upOutput = new short[_up.MaxOutputLength(_narrowFrame.Length)];
        var random = new Random(48);
        for (int i = 0; i < _wideFrame.Length; i++)
        {
            _wideFrame[i] = (short)random.Next(-8000, 8001);
        }

        for (int i = 0; i < _narrowFrame.Length; i++)
        {
            _narrowFrame[i] = (short)random.Next(-8000, 8001);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _down.Dispose();
        _up.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int Down48To16() => _down.Process(_wideFrame, _downOutput);

    [Benchmark]
    public int Up16To48() => _up.Process(_narrowFrame, _upOutput);
}
