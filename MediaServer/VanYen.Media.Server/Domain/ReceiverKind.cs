namespace VanYen.Media.Server.Domain;

/// <summary>How a receiver takes its program.</summary>
public enum ReceiverKind
{
    /// <summary>A hardware IP loudspeaker receiver (RTP/SRTP or WebRTC).</summary>
    IPSpeaker,

    /// <summary>A browser tab acting as a speaker (the speaker page).</summary>
    Browser,

    /// <summary>A player pulling an HTTP audio stream.</summary>
    HttpStream,
}
