namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>The STUN error codes an ICE-lite agent sends (RFC 8489 §14.8, RFC 8445 §7.3.1.1).</summary>
public static class StunErrorCode
{
    /// <summary>400 Bad Request: malformed, or USERNAME / MESSAGE-INTEGRITY missing.</summary>
    public const int BadRequest = 400;

    /// <summary>401 Unauthorized: unknown USERNAME or MESSAGE-INTEGRITY does not verify.</summary>
    public const int Unauthorized = 401;

    /// <summary>420 Unknown Attribute: the request has comprehension-required attributes we do not understand.</summary>
    public const int UnknownAttribute = 420;

    /// <summary>487 Role Conflict (RFC 8445 §7.3.1.1).</summary>
    public const int RoleConflict = 487;
}
