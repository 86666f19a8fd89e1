namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>A console request refused, with the HTTP-like status (400, 401, 403, 404, 409) and a reason for people.</summary>
public sealed class BroadcastConsoleException : HubRefusalException
{
    /// <summary>Creates the error.</summary>
    public BroadcastConsoleException(int statusCode, string message, Exception? innerException = null)
        : base(statusCode, null, message, innerException)
    {
    }

    /// <summary>Creates a 400 error.</summary>
    public BroadcastConsoleException()
        : this(400, "The request was refused.")
    {
    }

    /// <summary>Creates a 400 error.</summary>
    public BroadcastConsoleException(string message)
        : this(400, message)
    {
    }

    /// <summary>Creates a 400 error.</summary>
    public BroadcastConsoleException(string message, Exception innerException)
        : this(400, message, innerException)
    {
    }
}
