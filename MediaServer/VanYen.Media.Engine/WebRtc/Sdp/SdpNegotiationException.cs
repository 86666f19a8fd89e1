namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// Thrown when a well-formed offer or answer cannot be served: the message names what is missing
/// or not supported (no Opus audio, no BUNDLE, no fingerprint, ...).
/// </summary>
public sealed class SdpNegotiationException : Exception
{
    /// <summary>Creates the exception with a message naming what is missing.</summary>
    public SdpNegotiationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public SdpNegotiationException()
        : base("The session description cannot be negotiated.")
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public SdpNegotiationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
