namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>POST /api/users/{id}/password</c>: the new password, or none to have one generated.</summary>
public sealed record SetPasswordRequest(string? Password = null);
