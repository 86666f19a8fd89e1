namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>
/// STUN attribute types used by ICE (RFC 8489 §18.3, RFC 8445 §16.1). Types below 0x8000 are
/// comprehension-required: a receiver that does not understand one must reject the request (420).
/// </summary>
public enum StunAttributeType : ushort
{
    /// <summary>MAPPED-ADDRESS (RFC 8489 §14.1).</summary>
    MappedAddress = 0x0001,

    /// <summary>USERNAME (RFC 8489 §14.3); in ICE "recipientUfrag:senderUfrag" (RFC 8445 §7.2.2).</summary>
    Username = 0x0006,

    /// <summary>MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1, 20 bytes.</summary>
    MessageIntegrity = 0x0008,

    /// <summary>ERROR-CODE (RFC 8489 §14.8).</summary>
    ErrorCode = 0x0009,

    /// <summary>UNKNOWN-ATTRIBUTES (RFC 8489 §14.13), in a 420 response.</summary>
    UnknownAttributes = 0x000A,

    /// <summary>REALM (RFC 8489 §14.9), long-term credentials only.</summary>
    Realm = 0x0014,

    /// <summary>NONCE (RFC 8489 §14.10), long-term credentials only.</summary>
    Nonce = 0x0015,

    /// <summary>MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6); not used by browsers' ICE.</summary>
    MessageIntegritySha256 = 0x001C,

    /// <summary>XOR-MAPPED-ADDRESS (RFC 8489 §14.2).</summary>
    XorMappedAddress = 0x0020,

    /// <summary>PRIORITY (RFC 8445 §7.1.1): the priority of a would-be peer-reflexive candidate.</summary>
    Priority = 0x0024,

    /// <summary>USE-CANDIDATE (RFC 8445 §7.1.2): the controlling agent nominates this pair.</summary>
    UseCandidate = 0x0025,

    /// <summary>SOFTWARE (RFC 8489 §14.14).</summary>
    Software = 0x8022,

    /// <summary>FINGERPRINT (RFC 8489 §14.7): CRC-32 xor 0x5354554E, always the last attribute.</summary>
    Fingerprint = 0x8028,

    /// <summary>ICE-CONTROLLED (RFC 8445 §7.1.3): the sender is controlled; 64-bit tie-breaker.</summary>
    IceControlled = 0x8029,

    /// <summary>ICE-CONTROLLING (RFC 8445 §7.1.3): the sender is controlling; 64-bit tie-breaker.</summary>
    IceControlling = 0x802A,
}
