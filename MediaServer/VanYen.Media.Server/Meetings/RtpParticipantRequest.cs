namespace VanYen.Media.Server.Meetings;

/// <summary>Body of <c>POST /api/meetings/{id}/rtp-participants</c>: a SIP gateway, console or load harness joins with plain RTP/Opus.</summary>
/// <param name="Name">The name others see.</param>
/// <param name="Address">Its IP address: the server sends the mix there and takes RTP from there only.</param>
/// <param name="Port">Its RTP port.</param>
/// <param name="PayloadType">The Opus payload type, 96–127.</param>
public sealed record RtpParticipantRequest(string? Name, string? Address, int Port, int PayloadType);
