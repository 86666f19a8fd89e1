using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>A generic NACK (RTPFB, FMT 1, RFC 4585 §6.2.1): PID + BLP pairs naming lost packets.</summary>
public readonly ref struct RtcpGenericNack
{
    /// <summary>The RTPFB format of a generic NACK.</summary>
    public const int Format = 1;

    private const int ItemLength = 4;

    private readonly ReadOnlySpan<byte> _fci;

    private RtcpGenericNack(uint senderSsrc, uint mediaSsrc, ReadOnlySpan<byte> fci)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        _fci = fci;
    }

    /// <summary>SSRC of the packet's sender.</summary>
    public uint SenderSsrc { get; }

    /// <summary>SSRC of the media source whose packets are lost.</summary>
    public uint MediaSsrc { get; }

    /// <summary>Number of PID + BLP items.</summary>
    public int ItemCount => _fci.Length / ItemLength;

    /// <summary>Every lost sequence number, in item order; <c>foreach</c> over it.</summary>
    public RtcpNackLostSequenceEnumerator LostSequenceNumbers => new(_fci);

    /// <summary>Returns item <paramref name="index"/>: the packet id and the bitmask of the 16 following losses.</summary>
    public void GetItem(int index, out ushort packetId, out ushort lostBitmask)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ItemCount, nameof(index));
        packetId = BinaryPrimitives.ReadUInt16BigEndian(_fci.Slice(index * ItemLength));
        lostBitmask = BinaryPrimitives.ReadUInt16BigEndian(_fci.Slice((index * ItemLength) + 2));
    }

    /// <summary>Reads a generic NACK; false unless RTPFB FMT 1 with at least one whole item.</summary>
    public static bool TryParse(in RtcpPacket packet, out RtcpGenericNack nack)
    {
        nack = default;
        if (!RtcpFeedback.TryRead(packet, RtcpPacketType.TransportLayerFeedback, Format, out uint sender, out uint media, out ReadOnlySpan<byte> fci)
            || fci.Length < ItemLength)
        {
            return false;
        }

        // The length field counts whole words, so the FCI is always a whole number of items.
        nack = new RtcpGenericNack(sender, media, fci);
        return true;
    }

    /// <summary>Most bytes a NACK for <paramref name="lostCount"/> sequence numbers can take (one item each).</summary>
    public static int GetMaxLength(int lostCount) => RtcpFeedback.FciOffset + (ItemLength * lostCount);

    /// <summary>
    /// Writes a generic NACK for <paramref name="lostSequenceNumbers"/> and returns its length. The numbers
    /// are expected in ascending order (modulo 2^16); each is folded into the BLP of the item before it when
    /// within 16, else starts a new item. Throws when there is none or <paramref name="destination"/> is too small
    /// (<see cref="GetMaxLength"/> always fits).
    /// </summary>
    public static int Write(Span<byte> destination, uint senderSsrc, uint mediaSsrc, ReadOnlySpan<ushort> lostSequenceNumbers)
    {
        if (lostSequenceNumbers.IsEmpty)
        {
            throw new ArgumentException("A NACK names at least one lost packet.", nameof(lostSequenceNumbers));
        }

        int offset = RtcpFeedback.FciOffset;
        ushort packetId = lostSequenceNumbers[0];
        ushort bitmask = 0;
        for (int i = 1; i < lostSequenceNumbers.Length; i++)
        {
            int distance = (ushort)(lostSequenceNumbers[i] - packetId);
            if (distance == 0)
            {
                continue;
            }

            if (distance <= 16)
            {
                bitmask |= (ushort)(1 << (distance - 1));
                continue;
            }

            offset = WriteItem(destination, offset, packetId, bitmask);
            packetId = lostSequenceNumbers[i];
            bitmask = 0;
        }

        offset = WriteItem(destination, offset, packetId, bitmask);
        RtcpFeedback.WriteHeader(destination, RtcpPacketType.TransportLayerFeedback, Format, offset, senderSsrc, mediaSsrc);
        return offset;
    }

    private static int WriteItem(Span<byte> destination, int offset, ushort packetId, ushort bitmask)
    {
        RtcpHeader.EnsureCapacity(destination, offset + ItemLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(offset), packetId);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(offset + 2), bitmask);
        return offset + ItemLength;
    }
}
