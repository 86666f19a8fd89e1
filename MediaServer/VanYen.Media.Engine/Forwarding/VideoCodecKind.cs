namespace VanYen.Media.Engine.Forwarding;

/// <summary>How a forwarded payload type is read to find the start of a key frame.</summary>
internal enum VideoCodecKind : byte
{
    /// <summary>Not a video codec we read (audio, or unknown).</summary>
    None = 0,

    /// <summary>VP8 (RFC 7741).</summary>
    Vp8 = 1,

    /// <summary>H.264 (RFC 6184).</summary>
    H264 = 2,
}
