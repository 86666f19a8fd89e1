using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Auth;

/// <summary>Who is calling: the signed-in user, as stored now.</summary>
public static class CallerHttpContextExtensions
{
    private static readonly object s_callerKey = new();

    /// <summary>
    /// The signed-in user, loaded from <see cref="IUserRepository"/> (once per request). Throws
    /// <see cref="AuthenticationRequiredException"/> (401) when nobody is signed in, the user was deleted, or their
    /// password, role or scope changed since the sign-in.
    /// </summary>
    public static async Task<User> GetCallerAsync(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(s_callerKey, out object? cached) && cached is User known)
        {
            return known;
        }

        if (context.User.Identity?.IsAuthenticated != true || !UserClaims.TryGetUserId(context.User, out long userId))
        {
            throw new AuthenticationRequiredException(AuthErrors.NotSignedIn, "Sign in first: POST /api/auth/login.");
        }

        var users = context.RequestServices.GetRequiredService<IUserRepository>();
        User? user = await users.GetAsync(userId, context.RequestAborted).ConfigureAwait(false);
        if (user is null || context.User.FindFirst(UserClaims.Stamp)?.Value != UserClaims.StampOf(user))
        {
            throw new AuthenticationRequiredException(
                AuthErrors.SessionExpired,
                "This sign-in is no longer valid (the user was removed, or their password, role or scope changed): sign in again.");
        }

        context.Items[s_callerKey] = user;
        return user;
    }
}
