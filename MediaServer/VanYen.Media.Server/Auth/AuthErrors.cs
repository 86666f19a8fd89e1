namespace VanYen.Media.Server.Auth;

/// <summary>Reason codes of authentication errors, stable for clients.</summary>
public static class AuthErrors
{
    public const string NotSignedIn = "not-signed-in";
    public const string SessionExpired = "session-expired";
    public const string InvalidCredentials = "invalid-credentials";
    public const string TooManyFailedLogins = "too-many-failed-logins";
    public const string Forbidden = "forbidden";
}
