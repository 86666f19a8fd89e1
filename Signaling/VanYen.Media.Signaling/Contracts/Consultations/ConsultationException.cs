namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>A consultation request refused: an HTTP-like status, a stable reason code and a sentence for people.</summary>
public sealed class ConsultationException : HubRefusalException
{
    /// <summary>Creates the error.</summary>
    public ConsultationException(int statusCode, string reason, string message, Exception? innerException = null)
        : base(statusCode, reason, message, innerException)
    {
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
}
