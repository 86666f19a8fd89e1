namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// Thrown when a session description is not well-formed SDP (RFC 8866): the message names the
/// 1-based line and what is wrong with it.
/// </summary>
public sealed class SdpParseException : FormatException
{
    /// <summary>Creates the exception for <paramref name="reason"/> found on <paramref name="lineNumber"/>.</summary>
    public SdpParseException(int lineNumber, string reason)
        : base($"SDP line {lineNumber}: {reason}")
    {
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>Creates the exception without a line (e.g. empty input).</summary>
    public SdpParseException()
        : this(0, "malformed session description")
    {
    }

    /// <summary>Creates the exception with a free-form message.</summary>
    public SdpParseException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with a free-form message and an inner exception.</summary>
    public SdpParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>The 1-based line where parsing stopped (0 when not tied to a line).</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without the line prefix.</summary>
    public string Reason { get; }
}
