namespace VanYen.Media.Server.Broadcasting;

/// <summary>
/// How relays (tiếp sóng) watch their stream, from the configuration section <see cref="SectionName"/>; the defaults
/// are issue 4's (below −40 dBFS for 20 s is dead air).
/// </summary>
public sealed class RelayOptions
{
    /// <summary>The configuration section: "VanYen:Relay".</summary>
    public const string SectionName = "VanYen:Relay";

    /// <summary>The level (RMS, dBFS) below which a relay's audio counts as silence. Default −40.</summary>
    public double SilenceThresholdDbfs { get; set; } = -40;

    /// <summary>How long the audio may stay below the threshold before the stream counts as dead. Default 20 s.</summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How many times a failed URL is tried again before the next one. Default 2.</summary>
    public int RetriesPerUrl { get; set; } = 2;

    /// <summary>The pause before a retry. Default 2 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a connection may deliver nothing before it counts as stalled. Default 5 s.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After this long without trouble a URL gets its retries back. Default 1 minute.</summary>
    public TimeSpan RetriesRestoredAfter { get; set; } = TimeSpan.FromMinutes(1);
}
