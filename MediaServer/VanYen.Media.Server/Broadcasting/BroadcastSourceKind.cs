namespace VanYen.Media.Server.Broadcasting;

/// <summary>Where a broadcast's audio comes from.</summary>
public enum BroadcastSourceKind
{
    /// <summary>Vietnamese text-to-speech.</summary>
    Tts,

    /// <summary>An item of the audio library (uploaded or recorded).</summary>
    File,

    /// <summary>A relayed stream URL (HTTP, Icecast, HLS, RTP).</summary>
    Relay,

    /// <summary>An announcer's microphone (WebRTC) or a hardware console (plain RTP).</summary>
    Live,
}
