using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>A user as the API shows it (never the password hash).</summary>
public sealed record UserView(long Id, string Username, string DisplayName, UserRole Role, long ScopeAreaId, DateTimeOffset CreatedAt)
{
    public static UserView From(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserView(user.Id, user.Username, user.DisplayName, user.Role, user.ScopeAreaId, user.CreatedAt);
    }
}
