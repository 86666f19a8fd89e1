namespace VanYen.Media.Engine.Sources.Chime;

/// <summary>Settings of a <see cref="ChimeGenerator"/>. The default is a four-note rising C major chime of 2 s.</summary>
public sealed record class ChimeOptions
{
    /// <summary>The notes' fundamental frequencies in hertz, played in order: C5, E5, G5, C6 by default.</summary>
    public IReadOnlyList<double> Notes { get; init; } = [523.25, 659.26, 783.99, 1046.50];

    /// <summary>Time from one note's start to the next's.</summary>
    public TimeSpan NoteSpacing { get; init; } = TimeSpan.FromMilliseconds(350);

    /// <summary>The time constant of each note's exponential decay.</summary>
    public TimeSpan Decay { get; init; } = TimeSpan.FromMilliseconds(450);

    /// <summary>The whole chime's length; the tail is faded out to silence before it ends. Rounded up to whole 20 ms frames.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The integrated loudness the chime is normalized to, in LUFS: the same as every other source.</summary>
    public double TargetLoudness { get; init; } = -16;

    /// <summary>The sample-peak ceiling in dBFS.</summary>
    public double CeilingDecibels { get; init; } = -1;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first unusable value.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Notes, nameof(Notes));
        if (Notes.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Notes), "A chime needs at least one note.");
        }

        foreach (double note in Notes)
        {
            if (!(note is >= 50 and <= 12000))
            {
                throw new ArgumentOutOfRangeException(nameof(Notes), note, "Notes must be between 50 and 12000 Hz.");
            }
        }

        if (NoteSpacing < TimeSpan.Zero || Decay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Decay), "The spacing must not be negative and the decay must be positive.");
        }

        if (Duration <= TimeSpan.FromMilliseconds(500) || Duration > TimeSpan.FromSeconds(30))
        {
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, "A chime lasts between 0.5 and 30 s.");
        }

        if (!(TargetLoudness is >= -70 and <= 0) || !(CeilingDecibels is >= -40 and <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetLoudness), "The target must be between -70 and 0 LUFS and the ceiling between -40 and 0 dBFS.");
        }
    }
}
