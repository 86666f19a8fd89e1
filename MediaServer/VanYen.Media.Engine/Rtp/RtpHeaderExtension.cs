namespace VanYen.Media.Engine.Rtp;

/// <summary>One element of an RFC 8285 header extension: its local id and its data.</summary>
public readonly ref struct RtpHeaderExtension
{
    internal RtpHeaderExtension(int id, ReadOnlySpan<byte> data, int elementOffset)
    {
        Id = id;
        Data = data;
        ElementOffset = elementOffset;
    }

    /// <summary>The local identifier negotiated with <c>a=extmap</c> (1-14 one-byte form, 1-255 two-byte form).</summary>
    public int Id { get; }

    /// <summary>The element's data bytes.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Offset of the element's id byte from the start of the extension element block.</summary>
    internal int ElementOffset { get; }
}
