namespace VanYen.Media.Engine.Rtcp;

/// <summary>One SDES item (RFC 3550 §6.5): its type and its UTF-8 value bytes.</summary>
public readonly ref struct RtcpSdesItem
{
    internal RtcpSdesItem(RtcpSdesItemType type, ReadOnlySpan<byte> value)
    {
        Type = type;
        Value = value;
    }

    /// <summary>The item type.</summary>
    public RtcpSdesItemType Type { get; }

    /// <summary>The item's text, UTF-8 encoded, 0-255 bytes.</summary>
    public ReadOnlySpan<byte> Value { get; }
}
