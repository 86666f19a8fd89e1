namespace VanYen.Media.Server.Domain;

/// <summary>The caller's role or scope does not allow the action (a village cannot cancel the district): HTTP 403.</summary>
public sealed class DomainForbiddenException : DomainException
{
    public DomainForbiddenException(string reason, string message, Exception? innerException = null)
        : base(reason, message, innerException)
    {
    }
}
