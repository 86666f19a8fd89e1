namespace VanYen.Media.Server.Auth;

/// <summary>The authentication schemes for people (console users); devices have their own scheme elsewhere.</summary>
public static class AuthSchemes
{
    /// <summary>The HttpOnly, SameSite=Strict cookie the web client carries.</summary>
    public const string Cookie = "VanYen.Cookie";

    /// <summary>Bearer access tokens for API clients and the CLI (and SignalR's <c>access_token</c> query on <c>/hubs/*</c>).</summary>
    public const string Bearer = "VanYen.Bearer";

    /// <summary>The default scheme: picks <see cref="Bearer"/> when a token is presented, else <see cref="Cookie"/>.</summary>
    public const string User = "VanYen.User";

    /// <summary>The name of the auth cookie.</summary>
    public const string CookieName = "vanyen.auth";

    /// <summary>The query parameter SignalR clients put the bearer token in (browsers cannot set headers on WebSockets).</summary>
    public const string AccessTokenQuery = "access_token";

    /// <summary>The path prefix of the SignalR hubs.</summary>
    public const string HubsPath = "/hubs";
}
