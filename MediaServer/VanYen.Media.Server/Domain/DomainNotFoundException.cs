namespace VanYen.Media.Server.Domain;

/// <summary>The thing the request acts on does not exist: HTTP 404.</summary>
public sealed class DomainNotFoundException : DomainException
{
    public DomainNotFoundException(string reason, string message, Exception? innerException = null)
        : base(reason, message, innerException)
    {
    }
}
