using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>Walks the chunks of an SDES packet without allocating.</summary>
public ref struct RtcpSdesChunkEnumerator
{
    private readonly ReadOnlySpan<byte> _body;
    private int _position;
    private int _remaining;
    private RtcpSdesChunk _current;

    internal RtcpSdesChunkEnumerator(ReadOnlySpan<byte> body, int chunkCount)
    {
        _body = body;
        _position = 0;
        _remaining = chunkCount;
        _current = default;
    }

    /// <summary>The chunk the last successful <see cref="MoveNext"/> stopped on.</summary>
    public readonly RtcpSdesChunk Current => _current;

    /// <summary>Lets <c>foreach</c> use this enumerator directly.</summary>
    public readonly RtcpSdesChunkEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next chunk; false after the last or on a malformed one.</summary>
    public bool MoveNext()
    {
        if (_remaining == 0 || !TryReadChunk(_body.Slice(_position), out uint ssrc, out ReadOnlySpan<byte> items, out int consumed))
        {
            _remaining = 0;
            return false;
        }

        _current = new RtcpSdesChunk(ssrc, items);
        _position += consumed;
        _remaining--;
        return true;
    }

    /// <summary>
    /// Reads the chunk at the start of <paramref name="data"/>: SSRC, items, at least one null octet and
    /// padding to the next 32-bit boundary (RFC 3550 §6.5).
    /// </summary>
    internal static bool TryReadChunk(ReadOnlySpan<byte> data, out uint ssrc, out ReadOnlySpan<byte> items, out int consumed)
    {
        ssrc = 0;
        items = default;
        consumed = 0;
        if (data.Length < 8)
        {
            return false;
        }

        int position = 4;
        while (true)
        {
            if (position >= data.Length)
            {
                return false;
            }

            if (data[position] == (byte)RtcpSdesItemType.End)
            {
                break;
            }

            if (data.Length - position < 2)
            {
                return false;
            }

            int next = position + 2 + data[position + 1];
            if (next > data.Length)
            {
                return false;
            }

            position = next;
        }

        int end = (position + 1 + 3) & ~3;
        if (end > data.Length)
        {
            return false;
        }

        ssrc = BinaryPrimitives.ReadUInt32BigEndian(data);
        items = data.Slice(4, position - 4);
        consumed = end;
        return true;
    }
}
