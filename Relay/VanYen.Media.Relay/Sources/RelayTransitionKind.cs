namespace VanYen.Media.Relay.Sources;

/// <summary>What happened to a <see cref="RelaySource"/>'s input.</summary>
public enum RelayTransitionKind
{
    /// <summary>ffmpeg opened the URL and produced audio.</summary>
    Connected,

    /// <summary>The input failed: connection refused, HTTP error, undecodable data, or the stream ended.</summary>
    Failed,

    /// <summary>No data arrived for <see cref="RelaySourceOptions.StallTimeout"/>; ffmpeg was stopped.</summary>
    Stalled,

    /// <summary>Dead air: the audio stayed below <see cref="RelaySourceOptions.SilenceThresholdDbfs"/> for <see cref="RelaySourceOptions.SilenceTimeout"/>.</summary>
    Silent,

    /// <summary>The same URL is tried again after <see cref="RelaySourceOptions.RetryDelay"/>.</summary>
    Retrying,

    /// <summary>The URL's retries are spent; the next URL of the list is tried.</summary>
    SwitchedUrl,

    /// <summary>Every URL is spent; the fallback source plays to its end.</summary>
    FellBackToFile,

    /// <summary>
    /// The relay ends without its stream: every URL failed and the fallback (if any) has ended or could not open.
    /// Raised once, just before <see cref="Engine.Sources.AudioSourceReadResult.EndOfStream"/>; this is the alert.
    /// </summary>
    GaveUp,
}
