namespace VanYen.Media.Engine.Audio.Loudness;

/// <summary>Settings of a <see cref="LoudnessNormalizer"/>. The defaults suit speech and music at the loudspeakers.</summary>
public sealed record class LoudnessNormalizerOptions
{
    /// <summary>The loudness every source is brought to, in LUFS (EBU R128 recommends -23 for broadcast; -16 suits loudspeakers and phones).</summary>
    public double TargetLoudness { get; init; } = -16;

    /// <summary>The most the normalizer boosts, in dB.</summary>
    public double MaximumGainDecibels { get; init; } = 20;

    /// <summary>The most the normalizer attenuates, as a negative dB value.</summary>
    public double MinimumGainDecibels { get; init; } = -20;

    /// <summary>
    /// Blocks of 400 ms quieter than this (LUFS) are pauses or noise floor: they neither count in the
    /// loudness estimate nor raise the gain.
    /// </summary>
    public double SilenceGate { get; init; } = -50;

    /// <summary>How far back the loudness estimate looks: the time constant of its average over the non-silent 400 ms blocks.</summary>
    public TimeSpan EstimateWindow { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Time constant of the gain falling when the source gets louder.</summary>
    public TimeSpan AttackTime { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Time constant of the gain rising when the source gets quieter.</summary>
    public TimeSpan ReleaseTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The peak limiter after the gain.</summary>
    public LimiterOptions Limiter { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first unusable value.</summary>
    public void Validate()
    {
        if (!(TargetLoudness is >= -70 and <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetLoudness), TargetLoudness, "The target must be between -70 and 0 LUFS.");
        }

        if (!(MaximumGainDecibels is >= 0 and <= 60))
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumGainDecibels), MaximumGainDecibels, "The maximum gain must be between 0 and 60 dB.");
        }

        if (!(MinimumGainDecibels is <= 0 and >= -60))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumGainDecibels), MinimumGainDecibels, "The minimum gain must be between -60 and 0 dB.");
        }

        if (!(SilenceGate is >= -70 and <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(SilenceGate), SilenceGate, "The silence gate must be between -70 and 0 LUFS.");
        }

        ThrowIfNotPositive(EstimateWindow, nameof(EstimateWindow));
        ThrowIfNotPositive(AttackTime, nameof(AttackTime));
        ThrowIfNotPositive(ReleaseTime, nameof(ReleaseTime));
        ArgumentNullException.ThrowIfNull(Limiter, nameof(Limiter));
        Limiter.Validate();
    }

    private static void ThrowIfNotPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "The time must be positive.");
        }
    }
}
