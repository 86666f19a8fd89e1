namespace VanYen.Media.Engine.Audio.Jitter;

/// <summary>What <see cref="JitterBuffer.Insert"/> did with a packet.</summary>
public enum JitterInsertResult
{
    /// <summary>Stored for playout.</summary>
    Accepted,

    /// <summary>Stored as the first packet of a restarted stream: the SSRC changed or the sequence number or timestamp jumped, so the buffer was reset.</summary>
    Resynchronized,

    /// <summary>Dropped: the same sequence number is already buffered.</summary>
    Duplicate,

    /// <summary>Dropped: its turn to play has passed (it was concealed or skipped).</summary>
    TooLate,

    /// <summary>Dropped: empty, longer than the payload limit, or not a valid Opus packet (RFC 6716 §3.4).</summary>
    Malformed,
}
