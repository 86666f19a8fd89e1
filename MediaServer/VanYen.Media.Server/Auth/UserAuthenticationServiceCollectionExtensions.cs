using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Auth;

/// <summary>Registers people's authentication: cookie + bearer behind one policy scheme, and the role policies.</summary>
public static class UserAuthenticationServiceCollectionExtensions
{
    /// <summary>How long a sign-in lasts (cookie, sliding) and a bearer token is valid.</summary>
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromHours(12);

    /// <summary>
    /// Adds the <see cref="AuthSchemes.User"/> default scheme (forwarding to <see cref="AuthSchemes.Bearer"/> or
    /// <see cref="AuthSchemes.Cookie"/>), the <see cref="AuthPolicies"/>, the login throttle and the token issuer.
    /// Data Protection keys (which protect cookies and tokens) are kept in <paramref name="keysDirectory"/>.
    /// </summary>
    /// <remarks>
    /// The default scheme only fills <c>HttpContext.User</c> for every request; an endpoint whose policy names another
    /// scheme (the devices') is authorized by that scheme alone, so this one never swallows it.
    /// </remarks>
    public static IServiceCollection AddUserAuthentication(this IServiceCollection services, string keysDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(keysDirectory);

        // The keys can forge any sign-in: owner-only, like the demo logins file.
        if (!Directory.Exists(keysDirectory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(keysDirectory);
            }
            else
            {
                Directory.CreateDirectory(keysDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        services.AddDataProtection()
            .SetApplicationName("VanYen.Media")
            .PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));

        services.AddAuthentication(AuthSchemes.User)
            .AddPolicyScheme(AuthSchemes.User, "Cookie or bearer token", options => options.ForwardDefaultSelector = SelectScheme)
            .AddCookie(AuthSchemes.Cookie, options =>
            {
                options.Cookie.Name = AuthSchemes.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = SignInLifetime;
                options.SlidingExpiration = true;

                // An API answers 401/403; it never redirects to a login page.
                options.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddBearerToken(AuthSchemes.Bearer, options =>
            {
                options.BearerTokenExpiration = SignInLifetime;
                options.Events.OnMessageReceived = context =>
                {
                    if (IsHubRequestWithQueryToken(context.Request, out string? token))
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.SignedIn, policy => SignedIn(policy))
            .AddPolicy(AuthPolicies.Broadcast, policy => SignedIn(policy).RequireRole(RolesAllowed(ScopeAction.Broadcast)))
            .AddPolicy(AuthPolicies.Approve, policy => SignedIn(policy).RequireRole(RolesAllowed(ScopeAction.Approve)))
            .AddPolicy(AuthPolicies.Manage, policy => SignedIn(policy).RequireRole(RolesAllowed(ScopeAction.Manage)));

        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<UserTokenIssuer>();
        services.AddSingleton<SignedOutSessions>();
        services.AddSingleton<IClaimsTransformation, SignedOutSessionFilter>();
        services.AddSingleton<UserConnections>();
        services.AddSingleton<SignInHubFilter>();
        services.Configure<HubOptions>(options => options.AddFilter<SignInHubFilter>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }

    private static AuthorizationPolicyBuilder SignedIn(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(AuthSchemes.User)
        .RequireAuthenticatedUser()
        .RequireClaim(System.Security.Claims.ClaimTypes.NameIdentifier);

    private static string[] RolesAllowed(ScopeAction action) =>
        Enum.GetValues<UserRole>().Where(role => ScopePolicy.RoleAllows(role, action)).Select(UserClaims.RoleName).ToArray();

    private static string SelectScheme(HttpContext context)
    {
        string? authorization = context.Request.Headers.Authorization;
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthSchemes.Bearer;
        }

        return IsHubRequestWithQueryToken(context.Request, out _) ? AuthSchemes.Bearer : AuthSchemes.Cookie;
    }

    private static bool IsHubRequestWithQueryToken(HttpRequest request, out string? token)
    {
        token = null;
        if (!request.Path.StartsWithSegments(AuthSchemes.HubsPath))
        {
            return false;
        }

        token = request.Query[AuthSchemes.AccessTokenQuery];
        return !string.IsNullOrEmpty(token);
    }
}
