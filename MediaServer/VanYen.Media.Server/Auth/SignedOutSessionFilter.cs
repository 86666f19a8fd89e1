using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace VanYen.Media.Server.Auth;

/// <summary>
/// Turns the principal of a sign-in ended by a logout into an anonymous one, whichever scheme (cookie or bearer token)
/// authenticated it. A claims transformation because it runs after every successful authentication, including the
/// one the authorization middleware repeats for a policy's schemes; the bearer handler has no later hook.
/// </summary>
public sealed class SignedOutSessionFilter(SignedOutSessions signedOut) : IClaimsTransformation
{
    /// <inheritdoc />
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Task.FromResult(principal.FindFirst(UserClaims.Session)?.Value is { } sessionId && signedOut.IsEnded(sessionId)
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : principal);
    }
}
