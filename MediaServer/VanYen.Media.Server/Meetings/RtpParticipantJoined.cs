namespace VanYen.Media.Server.Meetings;

/// <summary>A plain RTP participant joined: where to send its RTP, and the SSRC of the mix it will receive.</summary>
/// <param name="ParticipantId">Its participant id (the chair mutes or removes it by this id).</param>
/// <param name="ServerAddress">The server's RTP address.</param>
/// <param name="ServerPort">The server's RTP port.</param>
/// <param name="Ssrc">The SSRC of the mix sent to it.</param>
/// <param name="PayloadType">The Opus payload type of both directions.</param>
public sealed record RtpParticipantJoined(string ParticipantId, string ServerAddress, int ServerPort, uint Ssrc, int PayloadType);
