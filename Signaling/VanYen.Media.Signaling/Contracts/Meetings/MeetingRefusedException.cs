namespace VanYen.Media.Signaling.Contracts.Meetings;

/// <summary>A meeting request refused, with the HTTP-like status (400, 401, 403, 404, 409, 503), a reason code and a sentence for people.</summary>
public sealed class MeetingRefusedException : HubRefusalException
{
    /// <summary>Creates the refusal.</summary>
    public MeetingRefusedException(int statusCode, string reason, string message, Exception? innerException = null)
        : base(statusCode, reason, message, innerException)
    {
    }

    /// <summary>Creates a 400 refusal.</summary>
    public MeetingRefusedException()
        : this(400, "bad-request", "The request was refused.")
    {
    }

    /// <summary>Creates a 400 refusal.</summary>
    public MeetingRefusedException(string message)
        : this(400, "bad-request", message)
    {
    }

    /// <summary>Creates a 400 refusal.</summary>
    public MeetingRefusedException(string message, Exception innerException)
        : this(400, "bad-request", message, innerException)
    {
    }
}
