namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>What <see cref="IceLiteAgent.HandleStun"/> did with a datagram. Only the first three send a response.</summary>
public enum IceCheckOutcome
{
    /// <summary>An authenticated check: the success response is written and the sender's address is validated.</summary>
    Success,

    /// <summary>An authenticated check from a peer that also claims the controlled role: a signed 487 is written (RFC 8445 §7.3.1.1).</summary>
    RoleConflict,

    /// <summary>An authenticated check with comprehension-required attributes we do not know: a signed 420 is written (RFC 8489 §6.3.1).</summary>
    UnknownAttribute,

    /// <summary>A well-formed STUN message that is not a Binding request (indication, response): no answer.</summary>
    Ignored,

    /// <summary>Not a well-formed STUN message, a wrong FINGERPRINT, or a Binding request without one: dropped and counted.</summary>
    DroppedMalformed,

    /// <summary>USERNAME or MESSAGE-INTEGRITY missing, or MESSAGE-INTEGRITY wrong: dropped silently and counted.</summary>
    DroppedUnauthenticated,

    /// <summary>The recipient ufrag of USERNAME is no live session's: dropped silently and counted.</summary>
    DroppedUnknownUfrag,

    /// <summary>Authenticated, but the sender ufrag differs from the session's remote ufrag: dropped and counted.</summary>
    DroppedRemoteUfragMismatch,

    /// <summary>
    /// Authenticated, but the sender's address carries another live session whose consent from that address is
    /// fresh: dropped and counted, so one peer cannot take over another's address.
    /// </summary>
    DroppedAddressInUse,
}
