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

    /// <summary>
    /// The sign-in's session id: the cookie and the bearer token of one login share it, and a logout ends exactly that
    /// sign-in (see <see cref="SignedOutSessions"/>), not the user's other devices.
    /// </summary>
    public const string Session = "sid";

    /// <summary>The role as claims, the API and the database spell it: "admin", "announcer", …</summary>
    public static string RoleName(UserRole role) => role.ToString().ToLowerInvariant();

    /// <summary>A new random session id for one login.</summary>
    public static string NewSessionId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The principal for <paramref name="user"/>'s sign-in <paramref name="sessionId"/>, authenticated by
    /// <paramref name="authenticationScheme"/>.
    /// </summary>
    public static ClaimsPrincipal CreatePrincipal(User user, string sessionId, string authenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.Username),
                new Claim(ClaimTypes.Role, RoleName(user.Role)),
                new Claim(Scope, user.ScopeAreaId.ToString(CultureInfo.InvariantCulture)),
                new Claim(Stamp, StampOf(user)),
                new Claim(Session, sessionId),
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
