using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Auth;

/// <summary>
/// Issues bearer access tokens the <see cref="AuthSchemes.Bearer"/> scheme accepts: an authentication ticket
/// protected with ASP.NET Core Data Protection (keys in the data folder, so tokens survive a restart).
/// </summary>
public sealed class UserTokenIssuer
{
    private readonly IOptionsMonitor<BearerTokenOptions> _options;
    private readonly TimeProvider _time;

    public UserTokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>How long a token is valid.</summary>
    public TimeSpan Lifetime => _options.Get(AuthSchemes.Bearer).BearerTokenExpiration;

    /// <summary>A fresh access token for <paramref name="user"/>'s sign-in <paramref name="sessionId"/>.</summary>
    public string Issue(User user, string sessionId)
    {
        var options = _options.Get(AuthSchemes.Bearer);
        var properties = new AuthenticationProperties { IssuedUtc = _time.GetUtcNow() };
        properties.ExpiresUtc = properties.IssuedUtc + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(UserClaims.CreatePrincipal(user, sessionId, AuthSchemes.Bearer), properties, AuthSchemes.Bearer + ":AccessToken");
        return options.BearerTokenProtector.Protect(ticket);
    }
}
