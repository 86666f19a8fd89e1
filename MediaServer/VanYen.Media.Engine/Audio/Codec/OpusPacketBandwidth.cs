namespace VanYen.Media.Engine.Audio.Codec;

/// <summary>The audio bandwidth an Opus packet's TOC byte announces (RFC 6716 §2, Table 1).</summary>
public enum OpusPacketBandwidth
{
    /// <summary>4 kHz audio bandwidth, 8 kHz effective sample rate.</summary>
    Narrowband,

    /// <summary>6 kHz audio bandwidth, 12 kHz effective sample rate.</summary>
    Mediumband,

    /// <summary>8 kHz audio bandwidth, 16 kHz effective sample rate.</summary>
    Wideband,

    /// <summary>12 kHz audio bandwidth, 24 kHz effective sample rate.</summary>
    SuperWideband,

    /// <summary>20 kHz audio bandwidth, 48 kHz effective sample rate.</summary>
    Fullband,
}
