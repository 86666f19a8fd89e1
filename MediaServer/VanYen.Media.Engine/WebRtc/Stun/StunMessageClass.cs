namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>The class of a STUN message (RFC 8489 §5): the two class bits C1 C0 of the message type.</summary>
public enum StunMessageClass : byte
{
    /// <summary>A request (C1 C0 = 0b00).</summary>
    Request = 0b00,

    /// <summary>An indication (C1 C0 = 0b01): no response is expected.</summary>
    Indication = 0b01,

    /// <summary>A success response (C1 C0 = 0b10).</summary>
    SuccessResponse = 0b10,

    /// <summary>An error response (C1 C0 = 0b11).</summary>
    ErrorResponse = 0b11,
}
