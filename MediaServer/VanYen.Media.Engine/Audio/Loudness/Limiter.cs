namespace VanYen.Media.Engine.Audio.Loudness;

/// <summary>
/// A look-ahead sample-peak limiter for mono audio: no output sample exceeds the ceiling, gain reduction
/// ramps in over the look-ahead before a peak arrives and recovers smoothly after it; below the ceiling
/// the signal passes unchanged, only delayed by <see cref="LatencySamples"/>.
/// </summary>
/// <remarks>
/// For each input sample the gain that would keep it under the ceiling is computed; a sliding minimum over
/// look-ahead + 1 samples holds it, a one-pole release lets it recover, and a moving average over the
/// look-ahead turns the step into a ramp. Because every value averaged at a peak's output time is at most
/// that peak's gain, the averaged gain cannot let it through (a final clamp absorbs rounding).
/// Buffers are allocated once: processing allocates nothing. One instance per stream and thread.
/// </remarks>
public sealed class Limiter
{
    private const int ScratchLength = 960;

    private readonly float _ceiling;
    private readonly double _releaseFactor;
    private readonly int _lookAhead;
    private readonly float[] _delayLine;
    private readonly float[] _minimumValues;
    private readonly long[] _minimumPositions;
    private readonly double[] _averageWindow;
    private readonly float[] _scratch = new float[ScratchLength];

    private int _delayIndex;
    private int _minimumHead;
    private int _minimumCount;
    private int _averageIndex;
    private double _averageSum;
    private double _heldGain;
    private long _position;

    /// <summary>Creates a limiter for <paramref name="sampleRate"/> hertz.</summary>
    public Limiter(LimiterOptions? options = null, int sampleRate = 48000)
    {
        options ??= new LimiterOptions();
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        Options = options;
        // Rounded down to a whole 16-bit step so that 16-bit output, rounded to nearest, stays at or under the ceiling too.
        _ceiling = (float)(Math.Floor(Math.Pow(10, options.CeilingDecibels / 20) * 32768) / 32768);
        _lookAhead = Math.Max(1, (int)Math.Round(options.LookAhead.TotalSeconds * sampleRate));
        _releaseFactor = 1 - Math.Exp(-1 / (options.ReleaseTime.TotalSeconds * sampleRate));
        _delayLine = new float[_lookAhead];
        _minimumValues = new float[_lookAhead + 1];
        _minimumPositions = new long[_lookAhead + 1];
        _averageWindow = new double[_lookAhead];
        Reset();
    }

    /// <summary>The options the limiter was created with.</summary>
    public LimiterOptions Options { get; }

    /// <summary>The delay the look-ahead adds, in samples: output sample n is input sample n - latency.</summary>
    public int LatencySamples => _lookAhead;

    /// <summary>The ceiling as a linear full-scale value (1.0 = 0 dBFS).</summary>
    public float Ceiling => _ceiling;

    /// <summary>The gain applied to the last output sample (1 = no reduction).</summary>
    public double CurrentGain { get; private set; } = 1;

    /// <summary>The deepest gain reduction so far, as a gain (1 = never limited).</summary>
    public double LowestGain { get; private set; } = 1;

    /// <summary>Limits <paramref name="samples"/> (full scale ±1.0) in place; the output is delayed by <see cref="LatencySamples"/>.</summary>
    public void Process(Span<float> samples)
    {
        float ceiling = _ceiling;
        int lookAhead = _lookAhead;
        double lowest = LowestGain;
        double gain = CurrentGain;
        for (int i = 0; i < samples.Length; i++)
        {
            float input = samples[i];
            float delayed = _delayLine[_delayIndex];
            _delayLine[_delayIndex] = input;
            _delayIndex = _delayIndex + 1 == lookAhead ? 0 : _delayIndex + 1;

            float magnitude = MathF.Abs(input);
            float required = magnitude > ceiling ? ceiling / magnitude : 1f;
            float minimum = PushMinimum(required);

            double held = _heldGain + ((1 - _heldGain) * _releaseFactor);
            held = Math.Min(held, minimum);
            _heldGain = held;

            _averageSum += held - _averageWindow[_averageIndex];
            _averageWindow[_averageIndex] = held;
            _averageIndex = _averageIndex + 1 == lookAhead ? 0 : _averageIndex + 1;
            gain = Math.Min(1, _averageSum / lookAhead);
            lowest = Math.Min(lowest, gain);

            float output = (float)(delayed * gain);
            samples[i] = Math.Clamp(output, -ceiling, ceiling);
        }

        CurrentGain = gain;
        LowestGain = lowest;
    }

    /// <summary>
    /// Multiplies 16-bit <paramref name="samples"/> by <paramref name="linearGain"/>, limits them and writes them back
    /// in place (delayed by <see cref="LatencySamples"/>). The gain is applied before limiting, so it may exceed 1.
    /// </summary>
    public void Process(Span<short> samples, float linearGain = 1f) => Process(samples, linearGain, linearGain);

    /// <summary>
    /// As <see cref="Process(Span{short}, float)"/>, with the gain ramped linearly from <paramref name="startGain"/>
    /// at the first sample to <paramref name="endGain"/> at the last, so a changing gain does not click.
    /// </summary>
    public void Process(Span<short> samples, float startGain, float endGain)
    {
        int offset = 0;
        float step = samples.Length > 1 ? (endGain - startGain) / (samples.Length - 1) : 0;
        while (offset < samples.Length)
        {
            int length = Math.Min(ScratchLength, samples.Length - offset);
            Span<short> chunk = samples.Slice(offset, length);
            Span<float> scratch = _scratch.AsSpan(0, length);
            for (int i = 0; i < length; i++)
            {
                float gain = startGain + (step * (offset + i));
                scratch[i] = chunk[i] * (gain / 32768f);
            }

            Process(scratch);
            for (int i = 0; i < length; i++)
            {
                chunk[i] = ToSample(scratch[i]);
            }

            offset += length;
        }
    }

    /// <summary>Empties the delay line and forgets any gain reduction.</summary>
    public void Reset()
    {
        Array.Clear(_delayLine);
        Array.Fill(_averageWindow, 1.0);
        _averageSum = _lookAhead;
        _averageIndex = 0;
        _delayIndex = 0;
        _minimumHead = 0;
        _minimumCount = 0;
        _heldGain = 1;
        _position = 0;
        CurrentGain = 1;
        LowestGain = 1;
    }

    private static short ToSample(float value)
    {
        float scaled = MathF.Round(value * 32768f);
        return (short)Math.Clamp(scaled, short.MinValue, short.MaxValue);
    }

    /// <summary>Adds a required gain to the sliding window of the last look-ahead + 1 values and returns the window's minimum.</summary>
    private float PushMinimum(float value)
    {
        // A monotonic queue (values increasing from head to tail): amortised O(1) per sample.
        int capacity = _minimumValues.Length;
        while (_minimumCount > 0)
        {
            int tail = (_minimumHead + _minimumCount - 1) % capacity;
            if (_minimumValues[tail] < value)
            {
                break;
            }

            _minimumCount--;
        }

        int slot = (_minimumHead + _minimumCount) % capacity;
        _minimumValues[slot] = value;
        _minimumPositions[slot] = _position;
        _minimumCount++;

        long oldest = _position - capacity + 1;
        while (_minimumPositions[_minimumHead] < oldest)
        {
            _minimumHead = _minimumHead + 1 == capacity ? 0 : _minimumHead + 1;
            _minimumCount--;
        }

        _position++;
        return _minimumValues[_minimumHead];
    }
}
