using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VanYen.Media.Signaling.Contracts.Devices;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Devices;

/// <summary>Authenticates a device by the bearer token of its login (<see cref="DeviceTokenStore"/>).</summary>
public sealed class DeviceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DeviceTokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        string authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            token = authorization[BearerPrefix.Length..].Trim();
        }
        else if (Request.Path.StartsWithSegments(DeviceHub.Path, StringComparison.OrdinalIgnoreCase))
        {
            // Browsers' and SignalR's WebSocket cannot set headers, so the hub also takes the token from the query.
            token = Request.Query["access_token"].ToString();
        }

        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!tokens.TryValidate(token, out DeviceSession? session))
        {
            return Task.FromResult(AuthenticateResult.Fail("The device token is unknown or expired; log in again."));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(DeviceClaimTypes.ReceiverId, session!.ReceiverId.ToString(CultureInfo.InvariantCulture)),
                new Claim(DeviceClaimTypes.ClusterId, session.ClusterId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.NameIdentifier, "device:" + session.ReceiverId.ToString(CultureInfo.InvariantCulture)),
            ],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
