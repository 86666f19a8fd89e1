namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>The fixed fields of an Ogg page header (RFC 3533 §6), as parsed by <see cref="OggPage"/>.</summary>
public readonly struct OggPageHeader
{
    /// <summary>Creates a header from its fields.</summary>
    public OggPageHeader(
        OggPageFlags flags,
        long granulePosition,
        uint serialNumber,
        uint sequenceNumber,
        uint checksum,
        int segmentCount,
        int bodyLength)
    {
        Flags = flags;
        GranulePosition = granulePosition;
        SerialNumber = serialNumber;
        SequenceNumber = sequenceNumber;
        Checksum = checksum;
        SegmentCount = segmentCount;
        BodyLength = bodyLength;
    }

    /// <summary>Continued / BOS / EOS bits.</summary>
    public OggPageFlags Flags { get; }

    /// <summary>Codec-defined position at the last packet completed on the page; -1 when none completes (RFC 3533 §6).</summary>
    public long GranulePosition { get; }

    /// <summary>The logical bitstream the page belongs to.</summary>
    public uint SerialNumber { get; }

    /// <summary>The page's sequence number within its logical bitstream.</summary>
    public uint SequenceNumber { get; }

    /// <summary>The CRC stored in the page (it verified if the page was returned as valid).</summary>
    public uint Checksum { get; }

    /// <summary>Number of lacing values in the segment table (0..255).</summary>
    public int SegmentCount { get; }

    /// <summary>Number of body bytes: the sum of the lacing values.</summary>
    public int BodyLength { get; }

    /// <summary>Bytes before the body: the 27 fixed bytes and the segment table.</summary>
    public int HeaderLength => OggPage.FixedHeaderLength + SegmentCount;

    /// <summary>Total page length in bytes.</summary>
    public int PageLength => HeaderLength + BodyLength;

    /// <summary>True when the page starts with the rest of a packet begun on an earlier page.</summary>
    public bool IsContinued => (Flags & OggPageFlags.Continued) != 0;

    /// <summary>True on the first page of a logical bitstream.</summary>
    public bool IsBeginningOfStream => (Flags & OggPageFlags.BeginningOfStream) != 0;

    /// <summary>True on the last page of a logical bitstream.</summary>
    public bool IsEndOfStream => (Flags & OggPageFlags.EndOfStream) != 0;
}
