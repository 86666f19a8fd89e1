namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An a=msid line (RFC 8830 §2): the MediaStream id and optional track id.</summary>
/// <param name="StreamId">The stream id ("-" for no stream).</param>
/// <param name="TrackId">The application data (track id), or null.</param>
public sealed record SdpMsid(string StreamId, string? TrackId = null);
