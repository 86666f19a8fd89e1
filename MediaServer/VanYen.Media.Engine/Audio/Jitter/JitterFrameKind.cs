namespace VanYen.Media.Engine.Audio.Jitter;

/// <summary>
/// Where the 20 ms frame returned by <see cref="JitterBuffer.Pop(Span{short})"/> came from. Ordered from best to
/// worst: when several sources fill one frame (10 ms packets, a loss mid-frame), the worst is reported.
/// </summary>
public enum JitterFrameKind
{
    /// <summary>Decoded from received packets.</summary>
    Decoded,

    /// <summary>Rebuilt (at least partly) from the in-band FEC of the following packet.</summary>
    FecRecovered,

    /// <summary>Concealed (at least partly) by the decoder's packet loss concealment.</summary>
    Concealed,

    /// <summary>Silence: losses went on longer than the concealment limit.</summary>
    Silence,

    /// <summary>Silence while the buffer fills to its target delay, before playout starts or after an underrun.</summary>
    Buffering,
}
