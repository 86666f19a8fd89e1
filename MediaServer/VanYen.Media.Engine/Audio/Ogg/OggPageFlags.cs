namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>The header_type_flag bits of an Ogg page (RFC 3533 §6).</summary>
[Flags]
public enum OggPageFlags : byte
{
    /// <summary>A fresh packet starts the page.</summary>
    None = 0,

    /// <summary>The page starts with the rest of a packet begun on an earlier page.</summary>
    Continued = 0x01,

    /// <summary>The first page of a logical bitstream (BOS).</summary>
    BeginningOfStream = 0x02,

    /// <summary>The last page of a logical bitstream (EOS).</summary>
    EndOfStream = 0x04,
}
