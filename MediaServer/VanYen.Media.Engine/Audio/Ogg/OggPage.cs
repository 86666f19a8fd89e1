using System.Buffers.Binary;

namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>
/// One Ogg page (RFC 3533 §6) over the caller's bytes: header fields, segment table and body.
/// Reads verify the CRC and never throw on hostile input; writes compute the CRC.
/// </summary>
public readonly ref struct OggPage
{
    /// <summary>Bytes in the fixed part of a page header, before the segment table.</summary>
    public const int FixedHeaderLength = 27;

    /// <summary>Most lacing values one page can carry.</summary>
    public const int MaxSegmentCount = 255;

    /// <summary>Largest body one page can carry (255 segments of 255 bytes).</summary>
    public const int MaxBodyLength = MaxSegmentCount * 255;

    /// <summary>Largest possible page.</summary>
    public const int MaxPageLength = FixedHeaderLength + MaxSegmentCount + MaxBodyLength;

    /// <summary>The capture pattern "OggS" as a little-endian integer.</summary>
    private const uint CapturePattern = 0x5367674F;

    private const int ChecksumOffset = 22;

    private OggPage(OggPageHeader header, ReadOnlySpan<byte> segmentTable, ReadOnlySpan<byte> body)
    {
        Header = header;
        SegmentTable = segmentTable;
        Body = body;
    }

    /// <summary>The parsed header fields.</summary>
    public OggPageHeader Header { get; }

    /// <summary>The lacing values.</summary>
    public ReadOnlySpan<byte> SegmentTable { get; }

    /// <summary>The packet data of the page.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>
    /// Parses the page at the start of <paramref name="data"/>; false when the data is partial or corrupt
    /// (use <see cref="Read"/> to tell which).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out OggPageHeader header, out int pageLength)
    {
        OggPageStatus status = Read(data, out OggPage page, out pageLength);
        header = page.Header;
        return status == OggPageStatus.Valid;
    }

    /// <summary>
    /// Parses and verifies the page at the start of <paramref name="data"/>.
    /// <paramref name="pageLength"/> is the page's length when valid, and when the header was readable
    /// (checksum mismatch, or need more data with the full length known), else 0.
    /// </summary>
    public static OggPageStatus Read(ReadOnlySpan<byte> data, out OggPage page, out int pageLength)
    {
        page = default;
        pageLength = 0;
        int prefix = Math.Min(data.Length, 4);
        if (!data[..prefix].SequenceEqual("OggS"u8[..prefix]))
        {
            return OggPageStatus.BadCapturePattern;
        }

        if (data.Length < FixedHeaderLength)
        {
            return data.Length > 4 && data[4] != 0 ? OggPageStatus.UnsupportedVersion : OggPageStatus.NeedMoreData;
        }

        if (data[4] != 0)
        {
            return OggPageStatus.UnsupportedVersion;
        }

        int segmentCount = data[26];
        int headerLength = FixedHeaderLength + segmentCount;
        if (data.Length < headerLength)
        {
            return OggPageStatus.NeedMoreData;
        }

        ReadOnlySpan<byte> segmentTable = data.Slice(FixedHeaderLength, segmentCount);
        int bodyLength = 0;
        foreach (byte lacing in segmentTable)
        {
            bodyLength += lacing;
        }

        pageLength = headerLength + bodyLength;
        if (data.Length < pageLength)
        {
            return OggPageStatus.NeedMoreData;
        }

        uint storedChecksum = BinaryPrimitives.ReadUInt32LittleEndian(data[ChecksumOffset..]);
        if (ComputeChecksum(data[..pageLength]) != storedChecksum)
        {
            return OggPageStatus.ChecksumMismatch;
        }

        var header = new OggPageHeader(
            (OggPageFlags)data[5],
            BinaryPrimitives.ReadInt64LittleEndian(data[6..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[14..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[18..]),
            storedChecksum,
            segmentCount,
            bodyLength);
        page = new OggPage(header, segmentTable, data.Slice(headerLength, bodyLength));
        return OggPageStatus.Valid;
    }

    /// <summary>Returns the offset of the next capture pattern "OggS" in <paramref name="data"/>, or -1.</summary>
    public static int FindCapturePattern(ReadOnlySpan<byte> data) => data.IndexOf("OggS"u8);

    /// <summary>
    /// Writes a page into <paramref name="destination"/> and returns its length. The CRC is computed here.
    /// </summary>
    /// <exception cref="ArgumentException">The segment table is too long, does not match the body, or the destination is too small.</exception>
    public static int Write(
        Span<byte> destination,
        OggPageFlags flags,
        long granulePosition,
        uint serialNumber,
        uint sequenceNumber,
        ReadOnlySpan<byte> segmentTable,
        ReadOnlySpan<byte> body)
    {
        if (segmentTable.Length > MaxSegmentCount)
        {
            throw new ArgumentException("An Ogg page carries at most 255 lacing values.", nameof(segmentTable));
        }

        int bodyLength = 0;
        foreach (byte lacing in segmentTable)
        {
            bodyLength += lacing;
        }

        if (bodyLength != body.Length)
        {
            throw new ArgumentException("The lacing values must add up to the body length.", nameof(body));
        }

        int pageLength = FixedHeaderLength + segmentTable.Length + body.Length;
        if (destination.Length < pageLength)
        {
            throw new ArgumentException("The destination is too small for the page.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination, CapturePattern);
        destination[4] = 0;
        destination[5] = (byte)flags;
        BinaryPrimitives.WriteInt64LittleEndian(destination[6..], granulePosition);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[14..], serialNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[18..], sequenceNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[ChecksumOffset..], 0);
        destination[26] = (byte)segmentTable.Length;
        segmentTable.CopyTo(destination[FixedHeaderLength..]);
        body.CopyTo(destination[(FixedHeaderLength + segmentTable.Length)..]);
        uint checksum = OggCrc.Compute(destination[..pageLength]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[ChecksumOffset..], checksum);
        return pageLength;
    }

    private static uint ComputeChecksum(ReadOnlySpan<byte> page)
    {
        // RFC 3533 §6: the CRC is computed over the whole page with the CRC field set to zero.
        uint crc = OggCrc.Update(0, page[..ChecksumOffset]);
        crc = OggCrc.Update(crc, [0, 0, 0, 0]);
        return OggCrc.Update(crc, page[(ChecksumOffset + 4)..]);
    }
}
