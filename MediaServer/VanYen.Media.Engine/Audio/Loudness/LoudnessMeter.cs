namespace VanYen.Media.Engine.Audio.Loudness;

/// <summary>
/// Measures the loudness of a mono 16-bit PCM stream per ITU-R BS.1770-4 and EBU R128 / Tech 3341:
/// momentary (400 ms), short-term (3 s), gated integrated loudness and the loudness range (EBU Tech 3342).
/// </summary>
/// <remarks>
/// The signal is K-weighted (<see cref="KWeighting"/>), squared and summed per 100 ms step; a 400 ms gating
/// block (75 % overlap) completes every step. Values are in LUFS (= LKFS), where a full-scale 997 Hz sine
/// on one channel reads -3.01 LUFS. Integrated loudness and range come from bounded histograms of the blocks,
/// so memory is fixed (about 52 KB) whatever the programme's length. After construction nothing allocates.
/// One instance per stream and thread.
/// </remarks>
public sealed class LoudnessMeter
{
    /// <summary>The offset of BS.1770-4 eq. (2): makes a 997 Hz full-scale sine read its RMS level.</summary>
    public const double LoudnessOffset = -0.691;

    /// <summary>The absolute gate of BS.1770-4 §5.1 in LUFS.</summary>
    public const double AbsoluteGate = LoudnessHistogram.AbsoluteGate;

    /// <summary>The relative gate of BS.1770-4 §5.1 in LU below the absolutely gated mean.</summary>
    public const double RelativeGate = -10;

    /// <summary>The relative gate of EBU Tech 3342 (loudness range) in LU.</summary>
    public const double RangeRelativeGate = -20;

    private const int StepsPerMomentaryBlock = 4;
    private const int StepsPerShortTermBlock = 30;
    private const double FullScale = 1.0 / 32768;

    // Below this a filter state is flushed to zero: decaying IIR states otherwise reach subnormal
    // doubles after a few seconds of digital silence, which are slow on most CPUs.
    private const double Negligible = 1e-25;

    private readonly BiquadCoefficients _preFilter;
    private readonly BiquadCoefficients _highPass;
    private readonly int _samplesPerStep;
    private readonly double[] _stepEnergies = new double[StepsPerShortTermBlock];
    private readonly LoudnessHistogram _gatingBlocks = new();
    private readonly LoudnessHistogram _shortTermBlocks = new();

    private double _preState1;
    private double _preState2;
    private double _highPassState1;
    private double _highPassState2;
    private double _stepSum;
    private int _stepFill;
    private int _stepIndex;
    private long _completedSteps;

    /// <summary>Creates a meter for mono PCM at <paramref name="sampleRate"/> hertz (a multiple of 10, at least 8000).</summary>
    public LoudnessMeter(int sampleRate = 48000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        if (sampleRate % 10 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be a multiple of 10 Hz so that a 100 ms step is whole samples.");
        }

        SampleRate = sampleRate;
        _samplesPerStep = sampleRate / 10;
        _preFilter = KWeighting.PreFilter(sampleRate);
        _highPass = KWeighting.HighPass(sampleRate);
        Reset();
    }

    /// <summary>The sample rate in hertz.</summary>
    public int SampleRate { get; }

    /// <summary>Loudness of the last 400 ms in LUFS; negative infinity until 400 ms have been measured or in digital silence.</summary>
    public double MomentaryLoudness { get; private set; }

    /// <summary>
    /// Loudness of the last 3 s in LUFS. During the first 3 s it covers what has been measured so far
    /// (at least 400 ms); negative infinity before that.
    /// </summary>
    public double ShortTermLoudness { get; private set; }

    /// <summary>Mean-square energy of the K-weighted signal over the last 400 ms (1.0 = full-scale square wave).</summary>
    public double MomentaryEnergy { get; private set; }

    /// <summary>400 ms gating blocks completed so far (one per 100 ms after the first 400 ms).</summary>
    public long BlockCount => Math.Max(0, _completedSteps - StepsPerMomentaryBlock + 1);

    /// <summary>Samples measured so far.</summary>
    public long SampleCount { get; private set; }

    /// <summary>
    /// Integrated (programme) loudness in LUFS over everything measured since construction or <see cref="Reset"/>,
    /// gated per BS.1770-4 §5.1; negative infinity when no block passes the absolute gate. Costs a pass over
    /// the histogram (a few microseconds): read it when needed, not per sample.
    /// </summary>
    public double IntegratedLoudness => _gatingBlocks.GatedLoudness(RelativeGate);

    /// <summary>Loudness range (LRA) in LU per EBU Tech 3342: 10th to 95th percentile of gated 3 s blocks; 0 before 3 s.</summary>
    public double LoudnessRange => _shortTermBlocks.Range(RangeRelativeGate, 0.10, 0.95);

    /// <summary>Converts a K-weighted mean-square energy to loudness in LUFS (BS.1770-4 eq. 2, one channel of weight 1).</summary>
    public static double LoudnessOf(double meanSquare) =>
        meanSquare > 0 ? LoudnessOffset + (10 * Math.Log10(meanSquare)) : double.NegativeInfinity;

    /// <summary>Converts loudness in LUFS back to the K-weighted mean-square energy.</summary>
    public static double EnergyOf(double loudness) => Math.Pow(10, (loudness - LoudnessOffset) / 10);

    /// <summary>Measures <paramref name="samples"/> (any length) and updates every reading.</summary>
    /// <returns>The number of 400 ms gating blocks completed by these samples (0 or more).</returns>
    public int Process(ReadOnlySpan<short> samples)
    {
        BiquadCoefficients pre = _preFilter;
        double highPassA1 = _highPass.A1;
        double highPassA2 = _highPass.A2;
        double preState1 = _preState1;
        double preState2 = _preState2;
        double highPassState1 = _highPassState1;
        double highPassState2 = _highPassState2;
        int blocks = 0;
        int offset = 0;
        while (offset < samples.Length)
        {
            int length = Math.Min(samples.Length - offset, _samplesPerStep - _stepFill);
            ReadOnlySpan<short> chunk = samples.Slice(offset, length);
            double sum = 0;
            for (int i = 0; i < chunk.Length; i++)
            {
                // Two biquads in transposed direct form II; stage 2 has b = (1, -2, 1) (BS.1770-4 Table 2).
                double x = chunk[i] * FullScale;
                double y = (pre.B0 * x) + preState1;
                preState1 = (pre.B1 * x) - (pre.A1 * y) + preState2;
                preState2 = (pre.B2 * x) - (pre.A2 * y);
                double z = y + highPassState1;
                highPassState1 = (-2 * y) - (highPassA1 * z) + highPassState2;
                highPassState2 = y - (highPassA2 * z);
                sum += z * z;
            }

            _stepSum += sum;
            _stepFill += length;
            offset += length;
            if (_stepFill == _samplesPerStep)
            {
                if (CompleteStep())
                {
                    blocks++;
                }
            }
        }

        _preState1 = Flush(preState1);
        _preState2 = Flush(preState2);
        _highPassState1 = Flush(highPassState1);
        _highPassState2 = Flush(highPassState2);
        SampleCount += samples.Length;
        return blocks;
    }

    /// <summary>Forgets everything measured: filter states, block history and the integrated histograms.</summary>
    public void Reset()
    {
        _preState1 = 0;
        _preState2 = 0;
        _highPassState1 = 0;
        _highPassState2 = 0;
        _stepSum = 0;
        _stepFill = 0;
        _stepIndex = 0;
        _completedSteps = 0;
        Array.Clear(_stepEnergies);
        _gatingBlocks.Clear();
        _shortTermBlocks.Clear();
        MomentaryLoudness = double.NegativeInfinity;
        ShortTermLoudness = double.NegativeInfinity;
        MomentaryEnergy = 0;
        SampleCount = 0;
    }

    private static double Flush(double state) => Math.Abs(state) < Negligible ? 0 : state;

    private bool CompleteStep()
    {
        _stepEnergies[_stepIndex] = _stepSum / _samplesPerStep;
        _stepIndex = (_stepIndex + 1) % StepsPerShortTermBlock;
        _stepSum = 0;
        _stepFill = 0;
        _completedSteps++;
        if (_completedSteps < StepsPerMomentaryBlock)
        {
            return false;
        }

        // BS.1770-4 §5.1: 400 ms blocks overlapping by 75 %, i.e. one every 100 ms step.
        double momentary = MeanOfLastSteps(StepsPerMomentaryBlock);
        MomentaryEnergy = momentary;
        MomentaryLoudness = LoudnessOf(momentary);
        _gatingBlocks.Add(momentary, MomentaryLoudness);

        int shortTermSteps = (int)Math.Min(_completedSteps, StepsPerShortTermBlock);
        double shortTerm = MeanOfLastSteps(shortTermSteps);
        ShortTermLoudness = LoudnessOf(shortTerm);
        if (shortTermSteps == StepsPerShortTermBlock)
        {
            // EBU Tech 3342 builds the range from full 3 s blocks only.
            _shortTermBlocks.Add(shortTerm, ShortTermLoudness);
        }

        return true;
    }

    private double MeanOfLastSteps(int steps)
    {
        double sum = 0;
        int index = _stepIndex;
        for (int i = 0; i < steps; i++)
        {
            index = index == 0 ? StepsPerShortTermBlock - 1 : index - 1;
            sum += _stepEnergies[index];
        }

        return sum / steps;
    }
}
