namespace VanYen.Media.Server.Broadcasting;

/// <summary>What an announcer asks for: a source to clusters (or whole areas), now, at a time, or on a recurrence.</summary>
public sealed record BroadcastCommand
{
    /// <summary>Shown on the console and the devices.</summary>
    public required string Title { get; init; }

    /// <summary>The audio.</summary>
    public required BroadcastSource Source { get; init; }

    /// <summary>Level (priority) of the bulletin.</summary>
    public BroadcastLevel Level { get; init; } = BroadcastLevel.Normal;

    /// <summary>Target clusters.</summary>
    public IReadOnlyList<long> ClusterIds { get; init; } = [];

    /// <summary>Target areas: every cluster inside each one.</summary>
    public IReadOnlyList<long> AreaIds { get; init; } = [];

    /// <summary>One-off start time; null = now. Must not be in the past.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>Recurrence, five cron fields (minute hour day-of-month month day-of-week) in Asia/Ho_Chi_Minh, e.g. <c>0 6 * * *</c>.</summary>
    public string? Recurrence { get; init; }

    /// <summary>Longest time each run may play (a relay from 06:00 to 06:30 is 30 minutes); null = until the source ends.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Plays of the source; null repeats until cancelled (emergency only).</summary>
    public int? Repetitions { get; init; } = 1;

    /// <summary>Silence between plays.</summary>
    public TimeSpan Gap { get; init; } = TimeSpan.Zero;

    /// <summary>Pre-announcement chime; null = on for emergency, off otherwise.</summary>
    public bool? Chime { get; init; }

    /// <summary>Volume change, −40 to +14 dB (boost for noisy places).</summary>
    public double GainDecibels { get; init; }
}
