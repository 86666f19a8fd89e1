namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>One attribute of a STUN message: its type and its value, without the padding (RFC 8489 §14).</summary>
public readonly ref struct StunAttribute
{
    internal StunAttribute(ushort type, ReadOnlySpan<byte> value, int offset)
    {
        Type = type;
        Value = value;
        Offset = offset;
    }

    /// <summary>The raw 16-bit attribute type; compare with <see cref="StunAttributeType"/>.</summary>
    public ushort Type { get; }

    /// <summary>The value bytes, as long as the attribute's length field says (padding excluded).</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>Where the attribute's 4-byte header starts in the message.</summary>
    public int Offset { get; }

    /// <summary>True for types below 0x8000, which a receiver must understand (RFC 8489 §14).</summary>
    public bool IsComprehensionRequired => Type < 0x8000;
}
