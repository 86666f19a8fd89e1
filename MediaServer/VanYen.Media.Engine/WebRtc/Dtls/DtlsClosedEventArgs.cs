namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>Why a <see cref="DtlsTransport"/> ended.</summary>
public sealed class DtlsClosedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public DtlsClosedEventArgs(DtlsCloseReason reason, string message, bool wasConnected)
    {
        Reason = reason;
        Message = message;
        WasConnected = wasConnected;
    }

    /// <summary>Why.</summary>
    public DtlsCloseReason Reason { get; }

    /// <summary>The reason in words (alert names, fingerprints, timeout...).</summary>
    public string Message { get; }

    /// <summary>Whether the handshake had completed (so SRTP keys were handed out) before the end.</summary>
    public bool WasConnected { get; }
}
