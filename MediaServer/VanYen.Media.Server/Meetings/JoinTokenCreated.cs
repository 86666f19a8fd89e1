namespace VanYen.Media.Server.Meetings;

/// <summary>A new join link.</summary>
/// <param name="Token">The token.</param>
/// <param name="Link"><c>/meet/{id}?t={token}</c>.</param>
/// <param name="AdmitDirectly">Holders skip the lobby.</param>
public sealed record JoinTokenCreated(string Token, string Link, bool AdmitDirectly);
