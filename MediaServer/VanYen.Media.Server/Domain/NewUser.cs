namespace VanYen.Media.Server.Domain;

/// <summary>A user to add.</summary>
/// <param name="Username">Sign-in name: 2–32 of a–z, 0–9, '.', '-', '_', starting with a letter or digit.</param>
/// <param name="DisplayName">Name shown in the console.</param>
/// <param name="PasswordHash">Encoded hash from <c>Security.PasswordHasher.Hash</c>.</param>
/// <param name="Role">What the user may do.</param>
/// <param name="ScopeAreaId">The area whose subtree the user acts on.</param>
public sealed record NewUser(string Username, string DisplayName, string PasswordHash, UserRole Role, long ScopeAreaId);
