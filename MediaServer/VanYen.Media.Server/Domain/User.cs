namespace VanYen.Media.Server.Domain;

/// <summary>A person who signs in to the console.</summary>
/// <param name="Id">Database identity.</param>
/// <param name="Username">Sign-in name, lower case ASCII; unique (case-insensitive).</param>
/// <param name="DisplayName">Name shown in the console and the audit log.</param>
/// <param name="PasswordHash">Encoded PBKDF2 hash (<c>Security.PasswordHasher</c>); never send it to a client.</param>
/// <param name="Role">What the user may do.</param>
/// <param name="ScopeAreaId">The area whose subtree the user acts on (the district for a district admin).</param>
/// <param name="CreatedAt">When the user was added (UTC).</param>
public sealed record User(long Id, string Username, string DisplayName, string PasswordHash, UserRole Role, long ScopeAreaId, DateTimeOffset CreatedAt)
{
    /// <summary>Leaves the password hash out, so a logged user never shows it.</summary>
    public override string ToString() => $"User {{ Id = {Id}, Username = {Username}, Role = {Role}, ScopeAreaId = {ScopeAreaId} }}";
}
