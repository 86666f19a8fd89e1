namespace VanYen.Media.Server.Domain;

/// <summary>The request clashes with what is stored (a taken username, a sibling with the same name): HTTP 409.</summary>
public sealed class DomainConflictException : DomainException
{
    public DomainConflictException(string reason, string message, Exception? innerException = null)
        : base(reason, message, innerException)
    {
    }
}
