namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>What unprotecting one SRTP or SRTCP packet gave; anything but <see cref="Ok"/> means drop and count.</summary>
public enum SrtpUnprotectResult
{
    /// <summary>Authenticated and decrypted in place.</summary>
    Ok = 0,

    /// <summary>Too short, not version 2, or a header that runs past the packet.</summary>
    Malformed,

    /// <summary>The tag did not verify (forged, corrupted, or keyed for another session).</summary>
    AuthenticationFailed,

    /// <summary>This packet index was already accepted (RFC 3711 §3.3.2).</summary>
    ReplayDetected,

    /// <summary>The packet index is older than the replay window reaches, so it cannot be checked for replay.</summary>
    TooOld,

    /// <summary>A new SSRC arrived when the context already holds its maximum number of streams.</summary>
    TooManyStreams,
}
