namespace VanYen.Media.Engine.Audio.Codec;

/// <summary>The coding mode an Opus packet's TOC byte announces (RFC 6716 §3.1, Table 2).</summary>
public enum OpusPacketMode
{
    /// <summary>Linear prediction only (configurations 0–11); may carry in-band FEC (LBRR).</summary>
    Silk,

    /// <summary>SILK below 8 kHz plus CELT above (configurations 12–15); may carry in-band FEC.</summary>
    Hybrid,

    /// <summary>MDCT only (configurations 16–31); never carries in-band FEC.</summary>
    Celt,
}
