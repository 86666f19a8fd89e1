namespace VanYen.Media.Server.Api;

/// <summary>A created user or reset password; <paramref name="GeneratedPassword"/> is set (shown this once) when the server chose it.</summary>
public sealed record UserCreatedResponse(UserView User, string? GeneratedPassword);
