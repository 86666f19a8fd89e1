namespace VanYen.Media.Engine.Meetings;

/// <summary>One participant's media in a meeting, now.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="PlainRtp">True for a plain RTP participant, false for WebRTC.</param>
/// <param name="Connected">True once media flows (DTLS done for WebRTC; a first packet for plain RTP).</param>
/// <param name="Muted">Muted by the server (<see cref="IMeetingMedia.SetMuted"/>).</param>
/// <param name="Talking">Among the mixed talkers now.</param>
/// <param name="LevelDbov">The last audio level, 0 (loudest) to 127 (silence), RFC 6464.</param>
/// <param name="PacketsReceived">RTP packets received from the participant.</param>
/// <param name="PacketsLost">Packets the jitter buffer never got (concealed).</param>
public sealed record MeetingParticipantMedia(string ParticipantId, bool PlainRtp, bool Connected, bool Muted, bool Talking, int LevelDbov, long PacketsReceived, long PacketsLost);
