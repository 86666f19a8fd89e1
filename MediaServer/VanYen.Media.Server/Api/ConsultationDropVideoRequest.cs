namespace VanYen.Media.Server.Api;

/// <summary>Fault injection: drop the next video packets the server sends to a participant.</summary>
/// <param name="ParticipantId">The receiving participant.</param>
/// <param name="Count">1 to 1000 packets.</param>
public sealed record ConsultationDropVideoRequest(string ParticipantId, int Count);
