using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Auth;

/// <summary>The claims of a signed-in user, the same in the cookie and in bearer tokens.</summary>
public static class UserClaims
{
    /// <summary>The user's scope area id.</summary>
    public const string Scope = "scope";

    /// <summary>
    /// A digest of the password hash, role and scope at sign-in: when any of them changes (a password reset, a demotion),
    /// every cookie and token issued before stops working at the next request.
    /// </summary>
    public const string Stamp = "stamp";

    /// <summary>The role as claims, the API and the database spell it: "admin", "announcer", …</summary>
    public static string RoleName(UserRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The principal for <paramref name="user"/>, authenticated by <paramref name="authenticationScheme"/>.</summary>
    public static ClaimsPrincipal CreatePrincipal(User user, string authenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.Username),
                new Claim(ClaimTypes.Role, RoleName(user.Role)),
                new Claim(Scope, user.ScopeAreaId.ToString(CultureInfo.InvariantCulture)),
                new Claim(Stamp, StampOf(user)),
            ],
            authenticationScheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The value of the <see cref="Stamp"/> claim for the user as stored now.</summary>
    public static string StampOf(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        string material = string.Join('|', user.PasswordHash, RoleName(user.Role), user.ScopeAreaId.ToString(CultureInfo.InvariantCulture));
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(material)), 0, 12);
    }

    /// <summary>The user id claim, if the principal has a well-formed one.</summary>
    public static bool TryGetUserId(ClaimsPrincipal principal, out long userId)
    {
        ArgumentNullException.ThrowIfNull(principal);
        userId = 0;
        string? value = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return value is not null && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out userId);
    }
}
