namespace VanYen.Media.Signaling.Contracts.Meetings;

/// <summary>A meeting request refused, with the HTTP-like status (400, 401, 403, 404, 409, 503), a reason code and a sentence for people.</summary>
public sealed class MeetingRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public MeetingRefusedException(int statusCode, string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
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

    /// <summary>400 bad request, 401 not signed in, 403 not allowed, 404 unknown, 409 conflict (locked, ended), 503 no media.</summary>
    public int StatusCode { get; }

    /// <summary>A stable code such as <c>meeting-locked</c>.</summary>
    public string Reason { get; }
}
