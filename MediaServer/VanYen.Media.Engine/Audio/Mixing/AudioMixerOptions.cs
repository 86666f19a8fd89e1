namespace VanYen.Media.Engine.Audio.Mixing;

/// <summary>How an <see cref="AudioMixer"/> chooses its talkers.</summary>
public sealed class AudioMixerOptions
{
    /// <summary>How many of the loudest inputs are mixed (K). Default 3.</summary>
    public int MaxTalkers { get; init; } = 3;

    /// <summary>
    /// Frames (20 ms each) a talker keeps its seat after it goes quiet, so the
    /// pauses between words do not make it flap. Default 15 (300 ms).
    /// </summary>
    public int HangoverFrames { get; init; } = 15;

    /// <summary>
    /// Quietest level, in -dBov, that still counts as someone talking; quieter
    /// inputs are treated as silent. Default 90 (-90 dBov, the 16-bit noise floor).
    /// </summary>
    public int ActivityThreshold { get; init; } = 90;

    /// <summary>
    /// How much louder, in dB, a newcomer must be than the quietest seated
    /// talker to take its seat when all seats are full. Default 3.
    /// </summary>
    public int DisplacementMarginDb { get; init; } = 3;

    /// <summary>
    /// Frames a reported level (or a measured frame energy) stays valid without
    /// a newer one, to ride out jitter. After that the input counts as silent. Default 3.
    /// </summary>
    public int LevelLifetimeFrames { get; init; } = 3;

    /// <summary>
    /// When true, a reported level whose RFC 6464 V flag is clear counts as silence.
    /// Off by default: not every sender sets the flag.
    /// </summary>
    public bool UseVoiceActivityFlag { get; init; }

    /// <summary>
    /// Samples in one 20 ms mono frame: 960 (48 kHz, the default) or fewer for a lower rate, e.g. 320 for a
    /// 16 kHz (wideband) speech mix.
    /// </summary>
    public int FrameSamples { get; init; } = PcmFrame.SamplesPerFrame;

    /// <summary>Inputs to make room for up front; the mixer grows beyond this on <see cref="AudioMixer.AddInput"/>.</summary>
    public int InitialInputCapacity { get; init; } = 16;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTalkers, 1, nameof(MaxTalkers));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTalkers, 64, nameof(MaxTalkers));
        ArgumentOutOfRangeException.ThrowIfNegative(HangoverFrames, nameof(HangoverFrames));
        ArgumentOutOfRangeException.ThrowIfNegative(ActivityThreshold, nameof(ActivityThreshold));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ActivityThreshold, 127, nameof(ActivityThreshold));
        ArgumentOutOfRangeException.ThrowIfNegative(DisplacementMarginDb, nameof(DisplacementMarginDb));
        ArgumentOutOfRangeException.ThrowIfLessThan(LevelLifetimeFrames, 1, nameof(LevelLifetimeFrames));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialInputCapacity, 1, nameof(InitialInputCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(FrameSamples, 1, nameof(FrameSamples));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FrameSamples, PcmFrame.SamplesPerFrame, nameof(FrameSamples));
    }
}
