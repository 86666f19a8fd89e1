using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Audio.Mixing;

namespace VanYen.Media.Benchmarks.Audio;

/// <summary>
/// One 20 ms mixer tick for a meeting of N inputs with K = 3 talkers (codec excluded),
/// and the saturating-sum kernels, scalar against vectorised.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class AudioMixerBenchmarks
{
    private const int Frame = PcmFrame.SamplesPerFrame;
    private const int Talkers = 3;

    private readonly int[] _sum = new int[Frame];
    private readonly int[][] _contributions = [new int[Frame], new int[Frame], new int[Frame]];
    private readonly short[][] _mixes = [new short[Frame], new short[Frame], new short[Frame], new short[Frame]];

    private AudioMixer _mixer = null!;
    private int[] _inputs = null!;
    private byte[] _levels = null!;
    private short[][] _frames = null!;

    /// <summary>Inputs in the meeting.</summary>
    [Params(10, 100)]
    public int Inputs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _mixer = new AudioMixer(new AudioMixerOptions { MaxTalkers = Talkers, InitialInputCapacity = Inputs });
        _inputs = new int[Inputs];
        _levels = new byte[Inputs];
        _frames = new short[Inputs][];
        var random = new Random(42);
        for (int i = 0; i < Inputs; i++)
        {
            _inputs[i] = _mixer.AddInput();

            // Three talkers, a few rooms with background noise, everyone else muted or silent.
            _levels[i] = i < Talkers ? (byte)(20 + (5 * i)) : i % 5 == 0 ? (byte)70 : (byte)127;
            _frames[i] = new short[Frame];
            for (int s = 0; s < Frame; s++)
            {
                _frames[i][s] = (short)random.Next(-8000, 8001);
            }
        }

        for (int warm = 0; warm < 20; warm++)
        {
            Tick();
        }
    }

    /// <summary>Report every input's level, select, submit the talkers' frames, mix, read every mix.</summary>
    [Benchmark]
    [BenchmarkCategory("Tick")]
    public int Tick()
    {
        AudioMixer mixer = _mixer;
        for (int i = 0; i < _inputs.Length; i++)
        {
            mixer.ReportLevel(_inputs[i], _levels[i], voice: true);
        }

        mixer.SelectTalkers();
        foreach (int input in mixer.InputsToDecode)
        {
            mixer.SubmitFrame(input, _frames[input]);
        }

        mixer.Mix();
        int checksum = mixer.ListenerMix[Frame - 1];
        foreach (int talker in mixer.Talkers)
        {
            checksum += mixer.MixMinus(talker)[Frame - 1];
        }

        return checksum;
    }

    /// <summary>Listener mix and three mix-minuses from three frames, one sample at a time.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SaturatingSum")]
    public short SaturatingSumScalar()
    {
        Array.Clear(_sum);
        for (int talker = 0; talker < Talkers; talker++)
        {
            SaturatingMix.AccumulateScalar(_frames[talker], SaturatingMix.UnityGain, _contributions[talker], _sum);
        }

        SaturatingMix.NarrowDifferenceScalar(_sum, default, _mixes[Talkers]);
        for (int talker = 0; talker < Talkers; talker++)
        {
            SaturatingMix.NarrowDifferenceScalar(_sum, _contributions[talker], _mixes[talker]);
        }

        return _mixes[0][Frame - 1];
    }

    /// <summary>The same with <see cref="System.Numerics.Vector{T}"/>, as the mixer does it.</summary>
    [Benchmark]
    [BenchmarkCategory("SaturatingSum")]
    public short SaturatingSumVector()
    {
        Array.Clear(_sum);
        for (int talker = 0; talker < Talkers; talker++)
        {
            SaturatingMix.Accumulate(_frames[talker], SaturatingMix.UnityGain, _contributions[talker], _sum);
        }

        SaturatingMix.Narrow(_sum, _mixes[Talkers]);
        for (int talker = 0; talker < Talkers; talker++)
        {
            SaturatingMix.NarrowDifference(_sum, _contributions[talker], _mixes[talker]);
        }

        return _mixes[0][Frame - 1];
    }
}
