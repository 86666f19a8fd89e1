using System.Buffers.Binary;
using System.Text;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>An SDES packet (RFC 3550 §6.5): chunks of items describing sources, above all the CNAME.</summary>
public readonly ref struct RtcpSourceDescription
{
    private const int MaxItemLength = 255;

    private readonly ReadOnlySpan<byte> _body;

    private RtcpSourceDescription(ReadOnlySpan<byte> body, int chunkCount)
    {
        _body = body;
        ChunkCount = chunkCount;
    }

    /// <summary>Number of chunks.</summary>
    public int ChunkCount { get; }

    /// <summary>The chunks; <c>foreach</c> over them.</summary>
    public RtcpSdesChunkEnumerator Chunks => new(_body, ChunkCount);

    /// <summary>Finds the first chunk with a CNAME item.</summary>
    public bool TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname)
    {
        foreach (RtcpSdesChunk chunk in Chunks)
        {
            if (chunk.TryGetItem(RtcpSdesItemType.Cname, out cname))
            {
                ssrc = chunk.Ssrc;
                return true;
            }
        }

        ssrc = 0;
        cname = default;
        return false;
    }

    /// <summary>Reads an SDES packet; false when it is not one or any of its chunks is malformed.</summary>
    public static bool TryParse(in RtcpPacket packet, out RtcpSourceDescription description)
    {
        description = default;
        if (packet.PacketType != RtcpPacketType.SourceDescription)
        {
            return false;
        }

        ReadOnlySpan<byte> body = packet.Body;
        int count = packet.Count;
        int position = 0;
        for (int i = 0; i < count; i++)
        {
            if (!RtcpSdesChunkEnumerator.TryReadChunk(body.Slice(position), out _, out _, out int consumed))
            {
                return false;
            }

            position += consumed;
        }

        description = new RtcpSourceDescription(body, count);
        return true;
    }

    /// <summary>Bytes an SDES packet with one chunk holding a <paramref name="cnameLength"/>-byte CNAME takes.</summary>
    public static int GetCnameLength(int cnameLength) =>
        RtcpPacket.HeaderLength + ((4 + 2 + cnameLength + 1 + 3) & ~3);

    /// <summary>Writes an SDES packet with one chunk holding a CNAME and returns its length.</summary>
    /// <param name="destination">Where to write; throws when too small (see <see cref="GetCnameLength"/>).</param>
    /// <param name="ssrc">The source the CNAME belongs to.</param>
    /// <param name="cname">The CNAME, UTF-8, at most 255 bytes.</param>
    public static int WriteCname(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> cname)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cname.Length, MaxItemLength, nameof(cname));
        int length = GetCnameLength(cname.Length);
        RtcpHeader.EnsureCapacity(destination, length);
        cname.CopyTo(destination.Slice(10));
        return FinishCname(destination, ssrc, cname.Length, length);
    }

    /// <summary>Writes an SDES packet with one chunk holding <paramref name="cname"/> encoded as UTF-8 and returns its length.</summary>
    public static int WriteCname(Span<byte> destination, uint ssrc, ReadOnlySpan<char> cname)
    {
        int byteCount = Encoding.UTF8.GetByteCount(cname);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(byteCount, MaxItemLength, nameof(cname));
        int length = GetCnameLength(byteCount);
        RtcpHeader.EnsureCapacity(destination, length);
        Encoding.UTF8.GetBytes(cname, destination.Slice(10));
        return FinishCname(destination, ssrc, byteCount, length);
    }

    private static int FinishCname(Span<byte> destination, uint ssrc, int cnameLength, int length)
    {
        RtcpHeader.Write(destination, 1, RtcpPacketType.SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ssrc);
        destination[8] = (byte)RtcpSdesItemType.Cname;
        destination[9] = (byte)cnameLength;

        // RFC 3550 §6.5: the item list ends with a null octet, then zeros to the 32-bit boundary.
        int end = 10 + cnameLength;
        destination.Slice(end, length - end).Clear();
        return length;
    }
}
