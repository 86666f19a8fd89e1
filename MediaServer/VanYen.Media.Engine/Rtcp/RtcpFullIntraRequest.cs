using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>A FIR (PSFB, FMT 4, RFC 5104 §4.3.1): requests a decoder refresh point from one or more media senders.</summary>
public readonly ref struct RtcpFullIntraRequest
{
    /// <summary>The PSFB format of a FIR.</summary>
    public const int Format = 4;

    private const int EntryLength = 8;

    private readonly ReadOnlySpan<byte> _fci;

    private RtcpFullIntraRequest(uint senderSsrc, uint mediaSsrc, ReadOnlySpan<byte> fci)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        _fci = fci;
    }

    /// <summary>SSRC of the packet's sender.</summary>
    public uint SenderSsrc { get; }

    /// <summary>The media source field, unused by FIR and normally 0 (RFC 5104 §4.3.1.2).</summary>
    public uint MediaSsrc { get; }

    /// <summary>Number of FCI entries.</summary>
    public int EntryCount => _fci.Length / EntryLength;

    /// <summary>Returns entry <paramref name="index"/> (0 to <see cref="EntryCount"/> - 1).</summary>
    public RtcpFirEntry GetEntry(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)EntryCount, nameof(index));
        ReadOnlySpan<byte> entry = _fci.Slice(index * EntryLength, EntryLength);
        return new RtcpFirEntry(BinaryPrimitives.ReadUInt32BigEndian(entry), entry[4]);
    }

    /// <summary>Reads a FIR; false unless PSFB FMT 4 whose FCI is one or more whole 8-byte entries.</summary>
    public static bool TryParse(in RtcpPacket packet, out RtcpFullIntraRequest fir)
    {
        fir = default;
        if (!RtcpFeedback.TryRead(packet, RtcpPacketType.PayloadSpecificFeedback, Format, out uint sender, out uint media, out ReadOnlySpan<byte> fci)
            || fci.Length < EntryLength
            || fci.Length % EntryLength != 0)
        {
            return false;
        }

        fir = new RtcpFullIntraRequest(sender, media, fci);
        return true;
    }

    /// <summary>Bytes a FIR with <paramref name="entryCount"/> entries takes.</summary>
    public static int GetLength(int entryCount) => RtcpFeedback.FciOffset + (EntryLength * entryCount);

    /// <summary>Writes a FIR (media source field 0) and returns its length; throws when there is no entry or <paramref name="destination"/> is too small.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, ReadOnlySpan<RtcpFirEntry> entries)
    {
        if (entries.IsEmpty)
        {
            throw new ArgumentException("A FIR carries at least one entry.", nameof(entries));
        }

        int length = GetLength(entries.Length);
        RtcpHeader.EnsureCapacity(destination, length);
        RtcpFeedback.WriteHeader(destination, RtcpPacketType.PayloadSpecificFeedback, Format, length, senderSsrc, 0);
        int offset = RtcpFeedback.FciOffset;
        foreach (RtcpFirEntry entry in entries)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(offset), entry.Ssrc);
            destination[offset + 4] = entry.SequenceNumber;
            destination.Slice(offset + 5, 3).Clear();
            offset += EntryLength;
        }

        return length;
    }
}
