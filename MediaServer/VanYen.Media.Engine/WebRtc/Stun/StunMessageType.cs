namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>
/// Packs and unpacks the 14-bit STUN message type (RFC 8489 §5), where the two class bits are
/// interleaved with the method bits: M11..M7 C1 M6..M4 C0 M3..M0.
/// </summary>
public static class StunMessageType
{
    /// <summary>Returns the message type for <paramref name="method"/> and <paramref name="messageClass"/>.</summary>
    public static ushort Encode(StunMethod method, StunMessageClass messageClass)
    {
        int m = (ushort)method & 0xFFF;
        int c = (int)messageClass & 0b11;
        return (ushort)((m & 0x000F) | ((m & 0x0070) << 1) | ((m & 0x0F80) << 2) | ((c & 1) << 4) | ((c & 2) << 7));
    }

    /// <summary>Returns the method bits of <paramref name="messageType"/>.</summary>
    public static StunMethod GetMethod(ushort messageType) =>
        (StunMethod)((messageType & 0x000F) | ((messageType >> 1) & 0x0070) | ((messageType >> 2) & 0x0F80));

    /// <summary>Returns the class bits of <paramref name="messageType"/>.</summary>
    public static StunMessageClass GetClass(ushort messageType) =>
        (StunMessageClass)(((messageType >> 4) & 1) | ((messageType >> 7) & 2));
}
