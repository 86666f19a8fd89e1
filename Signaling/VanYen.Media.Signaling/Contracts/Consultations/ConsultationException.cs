namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>A consultation request refused: an HTTP-like status, a stable reason code and a sentence for people.</summary>
public sealed class ConsultationException : Exception
{
    /// <summary>Creates the error.</summary>
    public ConsultationException(int statusCode, string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>Creates a 400 error.</summary>
    public ConsultationException()
        : this(400, "bad-request", "The request was refused.")
    {
    }

    /// <summary>Creates a 400 error.</summary>
    public ConsultationException(string message)
        : this(400, "bad-request", message)
    {
    }

    /// <summary>Creates a 400 error.</summary>
    public ConsultationException(string message, Exception innerException)
        : this(400, "bad-request", message, innerException)
    {
    }

    /// <summary>400 bad request, 401 not signed in, 403 not allowed, 404 unknown or ended, 409 conflict (full), 503 not available.</summary>
    public int StatusCode { get; }

    /// <summary>A stable code for clients, such as "not-admitted" or "call-full".</summary>
    public string Reason { get; }
}
