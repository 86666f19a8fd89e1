using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtp;

/// <summary>
/// A validated, zero-copy view of an RTP packet (RFC 3550 §5.1) with its RFC 8285 header extension.
/// Obtain one with <see cref="TryParse"/>; every accessor then reads inside the packet.
/// </summary>
public readonly ref struct RtpPacket
{
    /// <summary>Length of the fixed header, before CSRCs and extension (RFC 3550 §5.1).</summary>
    public const int FixedHeaderLength = 12;

    /// <summary>The only RTP version there is.</summary>
    public const int RtpVersion = 2;

    /// <summary>Extension profile of the one-byte element form (RFC 8285 §4.2).</summary>
    public const ushort OneByteExtensionProfile = 0xBEDE;

    /// <summary>Extension profile of the two-byte element form, low 4 "appbits" cleared (RFC 8285 §4.3).</summary>
    public const ushort TwoByteExtensionProfile = 0x1000;

    private readonly ReadOnlySpan<byte> _packet;
    private readonly int _headerLength;
    private readonly int _paddingLength;
    private readonly int _extensionDataOffset;
    private readonly int _extensionDataLength;

    private RtpPacket(ReadOnlySpan<byte> packet, int headerLength, int paddingLength, int extensionDataOffset, int extensionDataLength)
    {
        _packet = packet;
        _headerLength = headerLength;
        _paddingLength = paddingLength;
        _extensionDataOffset = extensionDataOffset;
        _extensionDataLength = extensionDataLength;
    }

    /// <summary>The whole packet.</summary>
    public ReadOnlySpan<byte> Packet => _packet;

    /// <summary>RTP version (always 2 for a parsed packet).</summary>
    public int Version => _packet[0] >> 6;

    /// <summary>The P bit: the packet ends with padding.</summary>
    public bool HasPadding => (_packet[0] & 0x20) != 0;

    /// <summary>The X bit: a header extension follows the CSRCs.</summary>
    public bool HasExtension => (_packet[0] & 0x10) != 0;

    /// <summary>Number of CSRC identifiers (0-15).</summary>
    public int CsrcCount => _packet[0] & 0x0F;

    /// <summary>The M bit.</summary>
    public bool Marker => (_packet[1] & 0x80) != 0;

    /// <summary>The 7-bit payload type.</summary>
    public byte PayloadType => (byte)(_packet[1] & 0x7F);

    /// <summary>The 16-bit sequence number.</summary>
    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_packet.Slice(2));

    /// <summary>The RTP timestamp, in the payload's clock rate.</summary>
    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(_packet.Slice(4));

    /// <summary>The synchronization source.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_packet.Slice(8));

    /// <summary>Bytes before the payload: fixed header, CSRCs and header extension.</summary>
    public int HeaderLength => _headerLength;

    /// <summary>Padding bytes at the end, including the count byte (0 without the P bit).</summary>
    public int PaddingLength => _paddingLength;

    /// <summary>The payload, without header and padding.</summary>
    public ReadOnlySpan<byte> Payload => _packet.Slice(_headerLength, _packet.Length - _headerLength - _paddingLength);

    /// <summary>The 16-bit "defined by profile" field of the header extension, 0 without one.</summary>
    public ushort ExtensionProfile =>
        HasExtension ? BinaryPrimitives.ReadUInt16BigEndian(_packet.Slice(_extensionDataOffset - 4)) : (ushort)0;

    /// <summary>The layout of the header extension's elements.</summary>
    public RtpHeaderExtensionForm ExtensionForm => HasExtension ? FormOf(ExtensionProfile) : RtpHeaderExtensionForm.None;

    /// <summary>Offset in the packet of the extension's element block (after its 4-byte header), 0 without one.</summary>
    public int ExtensionDataOffset => _extensionDataOffset;

    /// <summary>The extension's element block (after its 4-byte header), empty without one.</summary>
    public ReadOnlySpan<byte> ExtensionData => _packet.Slice(_extensionDataOffset, _extensionDataLength);

    /// <summary>The RFC 8285 elements of the header extension; <c>foreach</c> over it.</summary>
    public RtpHeaderExtensionEnumerator Extensions => new(ExtensionData, ExtensionForm);

    /// <summary>Returns the CSRC at <paramref name="index"/> (0 to <see cref="CsrcCount"/> - 1).</summary>
    public uint GetCsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)CsrcCount, nameof(index));
        return BinaryPrimitives.ReadUInt32BigEndian(_packet.Slice(FixedHeaderLength + (4 * index)));
    }

    /// <summary>Finds the header extension element with local id <paramref name="id"/>.</summary>
    public bool TryGetExtension(int id, out ReadOnlySpan<byte> data)
    {
        foreach (RtpHeaderExtension element in Extensions)
        {
            if (element.Id == id)
            {
                data = element.Data;
                return true;
            }
        }

        data = default;
        return false;
    }

    /// <summary>
    /// Validates <paramref name="packet"/> as RTP: version 2, room for CSRCs and the header extension,
    /// well-formed RFC 8285 elements and a padding count that fits. False for anything malformed.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpPacket result)
    {
        result = default;
        if (packet.Length < FixedHeaderLength)
        {
            return false;
        }

        byte first = packet[0];
        if ((first >> 6) != RtpVersion)
        {
            return false;
        }

        int headerLength = FixedHeaderLength + (4 * (first & 0x0F));
        int extensionDataOffset = 0;
        int extensionDataLength = 0;
        if ((first & 0x10) != 0)
        {
            // RFC 3550 §5.3.1: 16-bit profile, 16-bit length in 32-bit words, then the data.
            if (packet.Length - headerLength < 4)
            {
                return false;
            }

            ushort profile = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(headerLength));
            extensionDataLength = 4 * BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(headerLength + 2));
            extensionDataOffset = headerLength + 4;
            if (packet.Length - extensionDataOffset < extensionDataLength)
            {
                return false;
            }

            if (!RtpHeaderExtensionEnumerator.IsWellFormed(packet.Slice(extensionDataOffset, extensionDataLength), FormOf(profile)))
            {
                return false;
            }

            headerLength = extensionDataOffset + extensionDataLength;
        }
        else if (packet.Length < headerLength)
        {
            return false;
        }

        int paddingLength = 0;
        if ((first & 0x20) != 0)
        {
            // RFC 3550 §5.1: the last octet counts the padding, itself included.
            paddingLength = packet[^1];
            if (paddingLength == 0 || paddingLength > packet.Length - headerLength)
            {
                return false;
            }
        }

        result = new RtpPacket(packet, headerLength, paddingLength, extensionDataOffset, extensionDataLength);
        return true;
    }

    /// <summary>The element layout a header extension profile announces (RFC 8285 §4).</summary>
    public static RtpHeaderExtensionForm FormOf(ushort profile) => profile switch
    {
        OneByteExtensionProfile => RtpHeaderExtensionForm.OneByte,
        _ when (profile & 0xFFF0) == TwoByteExtensionProfile => RtpHeaderExtensionForm.TwoByte,
        _ => RtpHeaderExtensionForm.Other,
    };
}
