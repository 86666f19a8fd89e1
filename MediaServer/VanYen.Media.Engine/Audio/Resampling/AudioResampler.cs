using Concentus;

namespace VanYen.Media.Engine.Audio.Resampling;

/// <summary>
/// Converts 16-bit PCM between sample rates (8, 16, 24, 48 kHz, 44.1 kHz and
/// others from 8 to 192 kHz), mono or interleaved stereo, one frame at a time,
/// without allocating. Wraps Concentus' Speex resampler.
/// </summary>
/// <remarks>
/// Stateful: the filter carries history across calls, so one instance serves
/// one stream, on one thread. The output is delayed by <see cref="OutputLatency"/>
/// samples (per channel) and starts with that many samples of silence, which
/// keeps every 20 ms frame the same length.
/// </remarks>
public sealed class AudioResampler : IDisposable
{
    /// <summary>Speex quality used when none is given: 4, Speex's own default, between its "VoIP" (3) and "desktop" (5) settings (0 fastest, 10 best).</summary>
    public const int DefaultQuality = 4;

    /// <summary>Lowest supported rate, in hertz.</summary>
    public const int MinimumRate = 8_000;

    /// <summary>Highest supported rate, in hertz.</summary>
    public const int MaximumRate = 192_000;

    private readonly IResampler? _resampler;

    // Concentus' 16-bit entry points allocate a scratch array on every call (~4 KB per
    // 20 ms at 48 kHz); its float ones do not, so samples go through these buffers.
    private float[] _floatInput = [];
    private float[] _floatOutput = [];

    /// <summary>Creates a resampler from <paramref name="inputRate"/> to <paramref name="outputRate"/> hertz for 1 or 2 channels.</summary>
    public AudioResampler(int inputRate, int outputRate, int channels = 1, int quality = DefaultQuality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, MinimumRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputRate, MaximumRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, MinimumRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputRate, MaximumRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(quality);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 10);
        InputRate = inputRate;
        OutputRate = outputRate;
        Channels = channels;
        if (inputRate != outputRate)
        {
            _resampler = ResamplerFactory.CreateResampler(channels, inputRate, outputRate, quality);
        }
    }

    /// <summary>Input sample rate, in hertz.</summary>
    public int InputRate { get; }

    /// <summary>Output sample rate, in hertz.</summary>
    public int OutputRate { get; }

    /// <summary>1 (mono) or 2 (interleaved stereo).</summary>
    public int Channels { get; }

    /// <summary>Delay added by the filter, in output samples per channel (0 when the rates are equal).</summary>
    public int OutputLatency => _resampler?.OutputLatencySamples ?? 0;

    /// <summary>
    /// The most samples (all channels) that <see cref="Process"/> can write for
    /// <paramref name="inputLength"/> input samples: size the output span with it.
    /// </summary>
    public int MaxOutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        long framesIn = inputLength / Channels;
        long framesOut = ((framesIn * OutputRate) + InputRate - 1) / InputRate;

        // One more frame: with a fractional ratio the phase can carry one extra sample out.
        return (int)((framesOut + 1) * Channels);
    }

    /// <summary>
    /// Resamples <paramref name="input"/> (interleaved when stereo; a whole number of frames) into
    /// <paramref name="output"/>, which must hold <see cref="MaxOutputLength"/> samples, and
    /// returns the number of samples written (all channels). All the input is consumed.
    /// </summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.Length % Channels != 0)
        {
            ThrowPartialFrame();
        }

        if (output.Length < MaxOutputLength(input.Length))
        {
            ThrowOutputTooShort();
        }

        if (_resampler is null)
        {
            input.CopyTo(output);
            return input.Length;
        }

        int outputLength = MaxOutputLength(input.Length);
        if (_floatInput.Length < input.Length || _floatOutput.Length < outputLength)
        {
            // Only when a longer frame than any before arrives: steady state allocates nothing.
            _floatInput = new float[input.Length];
            _floatOutput = new float[outputLength];
        }

        SampleConversion.ToSingle(input, _floatInput);
        int framesIn = input.Length / Channels;
        int framesOut = outputLength / Channels;
        if (Channels == 1)
        {
            _resampler.Process(0, _floatInput.AsSpan(0, input.Length), ref framesIn, _floatOutput.AsSpan(0, outputLength), ref framesOut);
        }
        else
        {
            _resampler.ProcessInterleaved(_floatInput.AsSpan(0, input.Length), ref framesIn, _floatOutput.AsSpan(0, outputLength), ref framesOut);
        }

        SampleConversion.ToInt16(_floatOutput.AsSpan(0, framesOut * Channels), output);
        return framesOut * Channels;
    }

    /// <summary>Clears the filter history, so an unrelated stream can follow.</summary>
    public void Reset() => _resampler?.ResetMem();

    /// <inheritdoc />
    public void Dispose() => (_resampler as IDisposable)?.Dispose();

    private static void ThrowPartialFrame() =>
        throw new ArgumentException("The input is not a whole number of frames for the channel count.", "input");

    private static void ThrowOutputTooShort() =>
        throw new ArgumentException("The output span is shorter than MaxOutputLength(input.Length).", "output");
}
