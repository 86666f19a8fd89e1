namespace VanYen.Media.Signaling.Contracts;

/// <summary>
/// A hub request refused for a reason the caller can act on: an HTTP-like status (400, 401, 403, 404, 409, 503), an
/// optional stable reason code and a sentence for people. The hubs turn it into a <c>HubException</c> whose text starts
/// with the status (see <see cref="Hubs.HubMethodCalls"/>); anything else thrown is a server fault, logged.
/// </summary>
public abstract class HubRefusalException : Exception
{
    /// <summary>Creates the refusal.</summary>
    protected HubRefusalException(int statusCode, string? reason, string message, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>400 bad request, 401 not signed in, 403 not allowed, 404 unknown, 409 conflict, 503 not available.</summary>
    public int StatusCode { get; }

    /// <summary>A stable code for clients (such as <c>meeting-locked</c>), or null where the status says enough.</summary>
    public string? Reason { get; }
}
