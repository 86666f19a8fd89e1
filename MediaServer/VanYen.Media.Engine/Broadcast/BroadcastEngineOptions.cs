using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Loudness;
using VanYen.Media.Engine.Sources.Chime;

namespace VanYen.Media.Engine.Broadcast;

/// <summary>Settings of a <see cref="BroadcastEngine"/>.</summary>
public sealed record class BroadcastEngineOptions
{
    /// <summary>Opus bitrate of every program, in bit/s: 32 kbit/s mono carries voice and music well on loudspeakers.</summary>
    public int OpusBitrate { get; init; } = 32_000;

    /// <summary>Opus complexity, 0–10.</summary>
    public int OpusComplexity { get; init; } = 9;

    /// <summary>Opus mode: programs mix voice and music, so the general audio mode.</summary>
    public OpusEncoderApplication OpusApplication { get; init; } = OpusEncoderApplication.Audio;

    /// <summary>The pre-announcement chime (rendered once when the engine starts).</summary>
    public ChimeOptions Chime { get; init; } = new();

    /// <summary>The limiter after each program's gain.</summary>
    public LimiterOptions Limiter { get; init; } = new();

    /// <summary>The on-the-fly normalizer used by programs with <see cref="BroadcastProgramRequest.NormalizeLoudness"/>.</summary>
    public LoudnessNormalizerOptions Normalizer { get; init; } = new();

    /// <summary>How long an ended program can still be looked up with <see cref="BroadcastEngine.TryGetProgram"/>.</summary>
    public TimeSpan EndedProgramRetention { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Call <see cref="BroadcastProgramRequest.CreateSource"/> on the clock's thread instead of the thread pool. Only for
    /// factories that return at once (tests, in-memory sources): a factory that starts a process would stall every cluster.
    /// </summary>
    public bool OpenSourcesOnClockThread { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for values the engine cannot use.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(OpusBitrate, 6_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(OpusBitrate, 510_000);
        ArgumentOutOfRangeException.ThrowIfNegative(OpusComplexity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(OpusComplexity, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(EndedProgramRetention, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(Chime);
        ArgumentNullException.ThrowIfNull(Limiter);
        ArgumentNullException.ThrowIfNull(Normalizer);
        Chime.Validate();
        Limiter.Validate();
        Normalizer.Validate();
    }
}
