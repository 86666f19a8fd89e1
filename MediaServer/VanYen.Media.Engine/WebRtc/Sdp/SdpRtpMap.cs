namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An a=rtpmap line (RFC 8866 §6.6): payload type → encoding name, clock rate and channels.</summary>
/// <param name="PayloadType">The RTP payload type (0-127).</param>
/// <param name="EncodingName">The encoding name as written, e.g. "opus", "VP8", "rtx".</param>
/// <param name="ClockRate">The RTP clock rate in Hz.</param>
/// <param name="Channels">The channel count (audio), or null when not given.</param>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>True when the encoding name matches <paramref name="name"/> (case-insensitive, RFC 4855 §3).</summary>
    public bool IsEncoding(string name) => string.Equals(EncodingName, name, StringComparison.OrdinalIgnoreCase);
}
