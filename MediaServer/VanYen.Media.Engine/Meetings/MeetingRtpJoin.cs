using System.Net;

namespace VanYen.Media.Engine.Meetings;

/// <summary>Where a plain RTP participant sends its audio, and the SSRC of the mix the server sends it.</summary>
/// <param name="ServerEndpoint">The server's RTP address and port for this meeting's plain RTP participants.</param>
/// <param name="ServerSsrc">The SSRC of the mix sent to the participant.</param>
/// <param name="PayloadType">The Opus payload type both directions use.</param>
public sealed record MeetingRtpJoin(IPEndPoint ServerEndpoint, uint ServerSsrc, byte PayloadType);
