namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>What <see cref="StunBindingResponder.Respond"/> did with a received message.</summary>
public enum StunBindingOutcome
{
    /// <summary>Not a Binding request, or its FINGERPRINT is wrong: nothing written, nothing to send.</summary>
    Ignored,

    /// <summary>An authenticated connectivity check: the success response is written. The sender's address is validated.</summary>
    Success,

    /// <summary>USERNAME or MESSAGE-INTEGRITY missing: a 400 response (without MESSAGE-INTEGRITY) is written.</summary>
    BadRequest,

    /// <summary>USERNAME not ours or MESSAGE-INTEGRITY wrong: a 401 response (without MESSAGE-INTEGRITY) is written.</summary>
    Unauthorized,

    /// <summary>Comprehension-required attributes we do not know: a 420 response listing them is written.</summary>
    UnknownAttribute,

    /// <summary>The peer also claims the controlled role: a 487 response is written (RFC 8445 §7.3.1.1).</summary>
    RoleConflict,
}
