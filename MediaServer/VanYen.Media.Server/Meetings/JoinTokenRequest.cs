namespace VanYen.Media.Server.Meetings;

/// <summary>Body of <c>POST /api/meetings/{id}/join-tokens</c> (optional).</summary>
/// <param name="AdmitDirectly">Holders of the link skip the lobby.</param>
public sealed record JoinTokenRequest(bool AdmitDirectly);
