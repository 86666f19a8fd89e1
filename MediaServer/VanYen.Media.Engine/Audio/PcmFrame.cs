namespace VanYen.Media.Engine.Audio;

/// <summary>
/// One 20 ms frame of 48 kHz mono 16-bit PCM (960 samples), rented from a
/// <see cref="PcmFramePool"/> and returned to it when its last user is done.
/// </summary>
/// <remarks>
/// The sample array is allocated once with the frame and reused for its whole
/// life, so passing frames along the media path allocates nothing. A frame has
/// one owner at a time; after <see cref="Return"/> it must not be touched.
/// </remarks>
public sealed class PcmFrame
{
    /// <summary>Sample rate of every frame, in hertz.</summary>
    public const int SampleRate = 48_000;

    /// <summary>Frame duration, in milliseconds.</summary>
    public const int DurationMilliseconds = 20;

    /// <summary>Samples in a full frame: 48 kHz × 20 ms.</summary>
    public const int SamplesPerFrame = SampleRate / 1000 * DurationMilliseconds;

    /// <summary>The -dBov value of digital silence (RFC 6464 §3).</summary>
    public const byte SilenceLevel = 127;

    private readonly short[] _samples = new short[SamplesPerFrame];
    private int _sampleCount = SamplesPerFrame;

    internal PcmFrame(PcmFramePool? owner)
    {
        Owner = owner;
    }

    /// <summary>Creates a frame that belongs to no pool (tests, one-off use); <see cref="Return"/> does nothing for it.</summary>
    public PcmFrame()
        : this(null)
    {
    }

    /// <summary>The pool this frame goes back to, or <see langword="null"/>.</summary>
    internal PcmFramePool? Owner { get; }

    /// <summary>True while rented from its pool; guards against a double return.</summary>
    internal bool IsRented { get; set; }

    /// <summary>The valid samples: the first <see cref="SampleCount"/> of the frame's buffer.</summary>
    public Span<short> Samples => _samples.AsSpan(0, _sampleCount);

    /// <summary>The whole 960-sample buffer, to decode into before setting <see cref="SampleCount"/>.</summary>
    public Span<short> Buffer => _samples;

    /// <summary>Number of valid samples, 0 to <see cref="SamplesPerFrame"/>; a full frame by default.</summary>
    public int SampleCount
    {
        get => _sampleCount;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, SamplesPerFrame);
            _sampleCount = value;
        }
    }

    /// <summary>
    /// Audio level of the frame in -dBov (0 loudest, 127 digital silence), as in RFC 6464:
    /// either reported by the sender or measured by <c>AudioLevelMeter</c>.
    /// </summary>
    public byte Level { get; set; } = SilenceLevel;

    /// <summary>Voice activity, as the RFC 6464 V flag, when known.</summary>
    public bool Voice { get; set; }

    /// <summary>Gives the frame back to its pool (no-op for a frame without a pool).</summary>
    public void Return() => Owner?.Return(this);

    /// <summary>Puts the frame back to a full, silent-level state for its next user; the samples are not cleared.</summary>
    internal void ResetMetadata()
    {
        _sampleCount = SamplesPerFrame;
        Level = SilenceLevel;
        Voice = false;
    }
}
