namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>A DTLS handshake did not complete; <see cref="Reason"/> says why, the message says it in words.</summary>
public sealed class DtlsHandshakeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DtlsHandshakeException(DtlsCloseReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with <see cref="DtlsCloseReason.ProtocolError"/>.</summary>
    public DtlsHandshakeException()
        : this(DtlsCloseReason.ProtocolError, "The DTLS handshake failed.")
    {
    }

    /// <summary>Creates the exception with <see cref="DtlsCloseReason.ProtocolError"/>.</summary>
    public DtlsHandshakeException(string message)
        : this(DtlsCloseReason.ProtocolError, message)
    {
    }

    /// <summary>Creates the exception with <see cref="DtlsCloseReason.ProtocolError"/>.</summary>
    public DtlsHandshakeException(string message, Exception innerException)
        : this(DtlsCloseReason.ProtocolError, message, innerException)
    {
    }

    /// <summary>Why the handshake failed.</summary>
    public DtlsCloseReason Reason { get; }
}
