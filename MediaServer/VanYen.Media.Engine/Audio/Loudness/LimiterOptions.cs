namespace VanYen.Media.Engine.Audio.Loudness;

/// <summary>Settings of a <see cref="Limiter"/>.</summary>
public sealed record class LimiterOptions
{
    /// <summary>The highest sample peak let through, in dBFS (0 dBFS = 32768); -1 dBFS leaves room for codec overshoot.</summary>
    public double CeilingDecibels { get; init; } = -1;

    /// <summary>How far ahead the limiter sees a peak coming: the attack ramp's length and the added latency.</summary>
    public TimeSpan LookAhead { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Time constant of the gain's recovery after a peak has passed.</summary>
    public TimeSpan ReleaseTime { get; init; } = TimeSpan.FromMilliseconds(80);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first unusable value.</summary>
    public void Validate()
    {
        if (!(CeilingDecibels <= 0 && CeilingDecibels >= -40))
        {
            throw new ArgumentOutOfRangeException(nameof(CeilingDecibels), CeilingDecibels, "The ceiling must be between -40 and 0 dBFS.");
        }

        if (LookAhead <= TimeSpan.Zero || LookAhead > TimeSpan.FromMilliseconds(50))
        {
            throw new ArgumentOutOfRangeException(nameof(LookAhead), LookAhead, "The look-ahead must be more than 0 and at most 50 ms.");
        }

        if (ReleaseTime <= TimeSpan.Zero || ReleaseTime > TimeSpan.FromSeconds(5))
        {
            throw new ArgumentOutOfRangeException(nameof(ReleaseTime), ReleaseTime, "The release time must be more than 0 and at most 5 s.");
        }
    }
}
