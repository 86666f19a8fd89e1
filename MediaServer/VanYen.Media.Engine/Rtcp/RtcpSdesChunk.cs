namespace VanYen.Media.Engine.Rtcp;

/// <summary>One SDES chunk (RFC 3550 §6.5): an SSRC or CSRC and its items.</summary>
public readonly ref struct RtcpSdesChunk
{
    private readonly ReadOnlySpan<byte> _items;

    internal RtcpSdesChunk(uint ssrc, ReadOnlySpan<byte> items)
    {
        Ssrc = ssrc;
        _items = items;
    }

    /// <summary>The source the items describe.</summary>
    public uint Ssrc { get; }

    /// <summary>The chunk's items; <c>foreach</c> over it.</summary>
    public RtcpSdesItemEnumerator Items => new(_items);

    /// <summary>Finds the first item of <paramref name="type"/>.</summary>
    public bool TryGetItem(RtcpSdesItemType type, out ReadOnlySpan<byte> value)
    {
        foreach (RtcpSdesItem item in Items)
        {
            if (item.Type == type)
            {
                value = item.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
