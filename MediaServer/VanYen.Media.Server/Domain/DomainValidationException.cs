namespace VanYen.Media.Server.Domain;

/// <summary>The request is malformed or names something that does not exist as a reference (an unknown parent area): HTTP 400.</summary>
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException(string reason, string message, Exception? innerException = null)
        : base(reason, message, innerException)
    {
    }
}
