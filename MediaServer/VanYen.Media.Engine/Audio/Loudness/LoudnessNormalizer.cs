namespace VanYen.Media.Engine.Audio.Loudness;

/// <summary>
/// Brings a live stream of unknown loudness (live voice, a relay) to a target loudness: a smoothed,
/// bounded gain from a running BS.1770 loudness estimate, then a look-ahead peak <see cref="Limiter"/>.
/// </summary>
/// <remarks>
/// The input is metered per 400 ms block (every 100 ms). Blocks above the silence gate feed an
/// exponential average of their energy (about <see cref="LoudnessNormalizerOptions.EstimateWindow"/> long),
/// so speech pauses and noise floor neither count nor pump the gain up. The gain then follows
/// target - estimate with a fast attack and a slow release, ramped per sample across each frame so that
/// changes do not click. Output is delayed by <see cref="LatencySamples"/> (the limiter's look-ahead).
/// For a file, whose loudness is known in advance, use <see cref="LoudnessAnalysis"/> and a static gain instead.
/// Nothing allocates after construction. One instance per stream and thread.
/// </remarks>
public sealed class LoudnessNormalizer
{
    private const double StepSeconds = 0.1;

    private readonly LoudnessNormalizerOptions _options;
    private readonly LoudnessMeter _meter;
    private readonly Limiter _limiter;
    private readonly double _estimateFactor;
    private readonly double _attackSeconds;
    private readonly double _releaseSeconds;
    private readonly int _sampleRate;
    private double _estimateEnergy;
    private bool _hasEstimate;
    private double _gainDecibels;

    /// <summary>Creates a normalizer for mono PCM at <paramref name="sampleRate"/> hertz.</summary>
    public LoudnessNormalizer(LoudnessNormalizerOptions? options = null, int sampleRate = 48000)
    {
        options ??= new LoudnessNormalizerOptions();
        options.Validate();
        _options = options;
        _sampleRate = sampleRate;
        _meter = new LoudnessMeter(sampleRate);
        _limiter = new Limiter(options.Limiter, sampleRate);
        _estimateFactor = 1 - Math.Exp(-StepSeconds / options.EstimateWindow.TotalSeconds);
        _attackSeconds = options.AttackTime.TotalSeconds;
        _releaseSeconds = options.ReleaseTime.TotalSeconds;
    }

    /// <summary>The options the normalizer was created with.</summary>
    public LoudnessNormalizerOptions Options => _options;

    /// <summary>The meter of the input (before the gain).</summary>
    public LoudnessMeter InputMeter => _meter;

    /// <summary>The limiter after the gain.</summary>
    public Limiter Limiter => _limiter;

    /// <summary>The delay added, in samples (the limiter's look-ahead).</summary>
    public int LatencySamples => _limiter.LatencySamples;

    /// <summary>The gain applied at the end of the last frame, in dB (before limiting).</summary>
    public double GainDecibels => _gainDecibels;

    /// <summary>The gain the normalizer is moving towards, in dB.</summary>
    public double TargetGainDecibels => _hasEstimate
        ? Math.Clamp(_options.TargetLoudness - LoudnessMeter.LoudnessOf(_estimateEnergy), _options.MinimumGainDecibels, _options.MaximumGainDecibels)
        : 0;

    /// <summary>The running loudness estimate of the input's non-silent parts in LUFS; negative infinity before the first.</summary>
    public double InputLoudnessEstimate => _hasEstimate ? LoudnessMeter.LoudnessOf(_estimateEnergy) : double.NegativeInfinity;

    /// <summary>Normalizes <paramref name="samples"/> (a 20 ms frame or any length) in place.</summary>
    public void Process(Span<short> samples)
    {
        int blocks = _meter.Process(samples);
        if (blocks > 0 && _meter.MomentaryLoudness > _options.SilenceGate)
        {
            double energy = _meter.MomentaryEnergy;
            if (_hasEstimate)
            {
                // A long buffer may complete several 100 ms steps: weigh the latest block for each of them.
                double factor = blocks == 1 ? _estimateFactor : 1 - Math.Pow(1 - _estimateFactor, blocks);
                _estimateEnergy += (energy - _estimateEnergy) * factor;
            }
            else
            {
                _estimateEnergy = energy;
                _hasEstimate = true;
            }
        }

        double startGain = _gainDecibels;
        double target = TargetGainDecibels;
        double seconds = (double)samples.Length / _sampleRate;
        double timeConstant = target < startGain ? _attackSeconds : _releaseSeconds;
        _gainDecibels = startGain + ((target - startGain) * (1 - Math.Exp(-seconds / timeConstant)));
        _limiter.Process(samples, DecibelsToGain(startGain), DecibelsToGain(_gainDecibels));
    }

    /// <summary>Forgets the estimate, the gain and the limiter's state, e.g. when the source changes.</summary>
    public void Reset()
    {
        _meter.Reset();
        _limiter.Reset();
        _estimateEnergy = 0;
        _hasEstimate = false;
        _gainDecibels = 0;
    }

    private static float DecibelsToGain(double decibels) => (float)Math.Pow(10, decibels / 20);
}
