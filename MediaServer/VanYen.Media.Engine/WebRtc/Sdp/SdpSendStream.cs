namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>A stream this server sends on an m= section: its msid (RFC 8830) and SSRCs (RFC 5576).</summary>
/// <param name="StreamId">The MediaStream id the browser groups tracks by.</param>
/// <param name="TrackId">The track id.</param>
/// <param name="Ssrc">The media SSRC.</param>
/// <param name="CName">The RTCP CNAME (RFC 7022), shared by the streams of one endpoint.</param>
public sealed record SdpSendStream(string StreamId, string TrackId, uint Ssrc, string CName)
{
    /// <summary>The RTX SSRC (RFC 4588), announced in an FID group when RTX is negotiated.</summary>
    public uint? RtxSsrc { get; init; }
}
