using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Auth;

/// <summary>The request carries no valid sign-in (none, expired, or its user was removed or changed): HTTP 401.</summary>
public sealed class AuthenticationRequiredException : DomainException
{
    public AuthenticationRequiredException(string reason, string message, Exception? innerException = null)
        : base(reason, message, innerException)
    {
    }
}
