using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace VanYen.Media.Server.Auth;

/// <summary>
/// The default authorization result handling (challenge → 401, forbid → 403), plus a ProblemDetails body with a
/// reason on <c>/api</c> paths, so API clients see why, like every other API error.
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);

        // A credential whose sign-in was ended by a logout authenticates as nobody (SignedOutSessionFilter), which the
        // policy would call forbidden: it is a missing sign-in, so 401 and a challenge, like no credential at all.
        bool signInEnded = authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true;
        if (signInEnded)
        {
            authorizeResult = PolicyAuthorizationResult.Challenge();
        }

        await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        if (authorizeResult.Succeeded || context.Response.HasStarted || !context.Request.Path.StartsWithSegments("/api"))
        {
            return;
        }

        var (reason, detail) = context.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized when signInEnded => (AuthErrors.SessionExpired, "This sign-in was ended by a logout: sign in again."),
            StatusCodes.Status401Unauthorized => (AuthErrors.NotSignedIn, "Sign in first: POST /api/auth/login, then send the cookie or 'Authorization: Bearer <accessToken>'."),
            StatusCodes.Status403Forbidden => (AuthErrors.Forbidden, "Your role does not allow this."),
            _ => (null, null),
        };
        if (reason is null)
        {
            return;
        }

        await Results.Problem(
                statusCode: context.Response.StatusCode,
                detail: detail,
                extensions: new Dictionary<string, object?> { ["reason"] = reason })
            .ExecuteAsync(context).ConfigureAwait(false);
    }
}
