namespace VanYen.Media.Server.Domain;

/// <summary>
/// A request the domain refuses. The subclass tells the API layer the status
/// (<see cref="DomainConflictException"/> 409, <see cref="DomainValidationException"/> 400,
/// <see cref="DomainNotFoundException"/> 404); <see cref="Reason"/> is a stable code from
/// <see cref="DomainErrors"/> for clients, the message is for people.
/// </summary>
public abstract class DomainException : Exception
{
    protected DomainException(string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>A stable, machine-readable code such as "username-taken".</summary>
    public string Reason { get; }
}
