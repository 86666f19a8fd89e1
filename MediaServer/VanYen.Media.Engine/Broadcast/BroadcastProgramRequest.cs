namespace VanYen.Media.Engine.Broadcast;

/// <summary>A program to put on air now: a source, the clusters it goes to, and how it behaves.</summary>
public sealed record BroadcastProgramRequest
{
    /// <summary>Most gain a program may ask for: a boost for noisy places (+14 dB).</summary>
    public const double MaxGainDecibels = 14;

    /// <summary>Least gain a program may ask for.</summary>
    public const double MinGainDecibels = -40;

    /// <summary>Unique among live programs; the server's broadcast id.</summary>
    public required string Id { get; init; }

    /// <summary>For logs, the console and the devices ("Thông báo tiêm chủng").</summary>
    public required string Title { get; init; }

    /// <summary>Where it ranks on each cluster.</summary>
    public required ProgramPriority Priority { get; init; }

    /// <summary>The clusters it targets (already resolved from area nodes); at least one, no duplicates.</summary>
    public required IReadOnlyList<long> ClusterIds { get; init; }

    /// <summary>Opens the source for each repetition.</summary>
    public required AudioSourceFactory CreateSource { get; init; }

    /// <summary>How many times the source plays; <see langword="null"/> repeats until cancelled (emergency option).</summary>
    public int? Repetitions { get; init; } = 1;

    /// <summary>Silence between two repetitions (on air: the cluster stays held by this program).</summary>
    public TimeSpan GapBetweenRepetitions { get; init; } = TimeSpan.Zero;

    /// <summary>Play the pre-announcement chime before each repetition.</summary>
    public bool Chime { get; init; }

    /// <summary>Gain applied to the program, <see cref="MinGainDecibels"/> to <see cref="MaxGainDecibels"/>; a limiter keeps peaks in range.</summary>
    public double GainDecibels { get; init; }

    /// <summary>Normalize loudness on the fly (live voice, relays); files and TTS renders are normalized when made.</summary>
    public bool NormalizeLoudness { get; init; }

    /// <summary>What happens when it has lost every cluster to a higher-priority program.</summary>
    public PreemptedProgramPolicy WhenPreempted { get; init; } = PreemptedProgramPolicy.Resume;
}
