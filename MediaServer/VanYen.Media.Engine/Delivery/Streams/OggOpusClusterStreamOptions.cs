namespace VanYen.Media.Engine.Delivery.Streams;

/// <summary>Settings of an <see cref="OggOpusClusterStream"/>.</summary>
public sealed record OggOpusClusterStreamOptions
{
    /// <summary>How far (in program time) a listener may fall behind before it is dropped.</summary>
    public TimeSpan MaxLag { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Opus packets per Ogg page: 5 × 20 ms keeps a listener's added latency near 100 ms.</summary>
    public int PacketsPerPage { get; init; } = 5;

    /// <summary>The TITLE comment of the stream's OpusTags header (e.g. the cluster's name), or null.</summary>
    public string? Title { get; init; }
}
