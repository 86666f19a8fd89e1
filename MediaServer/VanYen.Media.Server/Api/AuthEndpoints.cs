using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Api;

/// <summary><c>/api/auth</c>: login (cookie + bearer token), logout, who am I.</summary>
public static class AuthEndpoints
{
    /// <summary>Audit action of a successful login.</summary>
    public const string LoginAction = "auth.login";

    /// <summary>Audit action of a refused login.</summary>
    public const string LoginFailedAction = "auth.login-failed";

    /// <summary>Audit action of a logout.</summary>
    public const string LogoutAction = "auth.logout";

    // Longer inputs are refused before PBKDF2 runs: nobody types a 1 KiB password, and hashing one is wasted CPU.
    private const int MaxUsernameLength = 64;
    private const int MaxPasswordLength = 1024;

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .WithSummary("Signs in: sets the HttpOnly auth cookie and returns a bearer token.")
            .Produces<LoginResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", LogoutAsync)
            .AllowAnonymous()
            .WithSummary("Signs out: ends this sign-in (its cookie and the bearer token of the same login stop working at once; other sign-ins of the user stay).")
            .Produces(StatusCodes.Status204NoContent);
        auth.MapGet("/me", (Delegate)MeAsync)
            .RequireAuthorization(AuthPolicies.SignedIn)
            .WithSummary("The signed-in user.")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest request,
        HttpContext context,
        [FromServices] IUserRepository users,
        [FromServices] PasswordHasher hasher,
        [FromServices] LoginThrottle throttle,
        [FromServices] UserTokenIssuer tokens,
        [FromServices] IAuditLog audit)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password)
            || request.Username.Length > MaxUsernameLength || request.Password.Length > MaxPasswordLength)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, ApiErrors.MissingCredentials, "Give a username and a password.");
        }

        string username = request.Username.Trim();
        if (!throttle.TryAllow(username, out TimeSpan retryAfter))
        {
            int seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ApiProblems.Problem(
                StatusCodes.Status429TooManyRequests,
                AuthErrors.TooManyFailedLogins,
                $"Too many failed logins for '{username}': try again in {seconds} s.");
        }

        var cancellationToken = context.RequestAborted;
        User? user = await users.FindByUsernameAsync(username, cancellationToken).ConfigureAwait(false);
        var verification = user is null ? hasher.VerifyUnknownUser(request.Password) : hasher.Verify(request.Password, user.PasswordHash);
        if (user is null || verification == PasswordVerification.Failed)
        {
            throttle.RecordFailure(username);
            await audit.AppendAsync(
                new NewAuditEntry
                {
                    Action = LoginFailedAction,
                    UserId = user?.Id,
                    UserName = username,
                    TargetKind = "user",
                    TargetId = user?.Id.ToString(CultureInfo.InvariantCulture),
                    AreaId = user?.ScopeAreaId,
                    DetailsJson = JsonSerializer.Serialize(new Dictionary<string, string?>
                    {
                        ["reason"] = AuthErrors.InvalidCredentials,
                        ["remoteAddress"] = context.Connection.RemoteIpAddress?.ToString(),
                    }),
                },
                cancellationToken).ConfigureAwait(false);

            // One answer for an unknown user and a wrong password, so the response does not tell which usernames exist.
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, AuthErrors.InvalidCredentials, "Wrong username or password.");
        }

        throttle.Reset(username);
        if (verification == PasswordVerification.SuccessRehashNeeded)
        {
            string rehashed = hasher.Hash(request.Password);
            await users.SetPasswordHashAsync(user.Id, rehashed, cancellationToken).ConfigureAwait(false);
            user = user with { PasswordHash = rehashed };
        }

        // One session id for the cookie and the token of this login: a logout ends both, and nothing else.
        string sessionId = UserClaims.NewSessionId();
        await context.SignInAsync(
            AuthSchemes.Cookie,
            UserClaims.CreatePrincipal(user, sessionId, AuthSchemes.Cookie),
            new AuthenticationProperties { IsPersistent = true }).ConfigureAwait(false);
        await audit.AppendAsync(
            NewAuditEntry.By(user, LoginAction) with { TargetKind = "user", TargetId = user.Id.ToString(CultureInfo.InvariantCulture), AreaId = user.ScopeAreaId },
            cancellationToken).ConfigureAwait(false);
        return Results.Ok(new LoginResponse(tokens.Issue(user, sessionId), "Bearer", (long)tokens.Lifetime.TotalSeconds, UserView.From(user)));
    }

    private static async Task<IResult> LogoutAsync(
        HttpContext context, [FromServices] IUserRepository users, [FromServices] IAuditLog audit, [FromServices] SignedOutSessions signedOut, [FromServices] UserConnections connections)
    {
        // The cookie is deleted below, but a copy of it or the bearer token of the same login would stay valid for
        // hours: the session id ends them all, and the hub connections the sign-in has open.
        if (context.User.FindFirst(UserClaims.Session)?.Value is { Length: > 0 } sessionId)
        {
            await signedOut.EndAsync(sessionId, context.RequestAborted).ConfigureAwait(false);
            connections.CloseSession(sessionId);
        }

        if (UserClaims.TryGetUserId(context.User, out long userId)
            && await users.GetAsync(userId, context.RequestAborted).ConfigureAwait(false) is { } user)
        {
            await audit.AppendAsync(NewAuditEntry.By(user, LogoutAction) with { AreaId = user.ScopeAreaId }, context.RequestAborted).ConfigureAwait(false);
        }

        await context.SignOutAsync(AuthSchemes.Cookie).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> MeAsync(HttpContext context) => Results.Ok(UserView.From(await context.GetCallerAsync().ConfigureAwait(false)));
}
