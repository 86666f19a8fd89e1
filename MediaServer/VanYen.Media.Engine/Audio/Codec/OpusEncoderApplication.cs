namespace VanYen.Media.Engine.Audio.Codec;

/// <summary>The intended use an Opus encoder tunes itself for (RFC 6716 §2.1; libopus' OPUS_APPLICATION_*).</summary>
public enum OpusEncoderApplication
{
    /// <summary>Speech: favours intelligibility, SILK and hybrid modes, in-band FEC.</summary>
    Voip,

    /// <summary>Music and mixed programmes: favours fidelity.</summary>
    Audio,

    /// <summary>Lowest algorithmic delay: CELT only, no FEC.</summary>
    RestrictedLowDelay,
}
