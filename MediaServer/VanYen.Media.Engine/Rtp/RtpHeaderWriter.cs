using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtp;

/// <summary>
/// Writes an RTP header (RFC 3550 §5.1) with optional CSRCs and RFC 8285 header extension elements
/// into a caller's buffer. Create it, add elements with <see cref="TryAddExtension"/>, then call
/// <see cref="Finish"/> once for the header length; the payload goes right after it.
/// </summary>
public ref struct RtpHeaderWriter
{
    private const int MaxCsrcCount = 15;

    private readonly Span<byte> _destination;
    private readonly RtpHeaderExtensionForm _form;
    private readonly int _extensionHeaderOffset;
    private int _length;
    private bool _hasElements;

    /// <summary>Starts a header in <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the header goes; must hold at least the fixed header, CSRCs and (with a form) 4 extension bytes.</param>
    /// <param name="fields">The fixed-header fields.</param>
    /// <param name="csrcs">Contributing sources, at most 15.</param>
    /// <param name="extensionForm"><see cref="RtpHeaderExtensionForm.OneByte"/>, <see cref="RtpHeaderExtensionForm.TwoByte"/> or <see cref="RtpHeaderExtensionForm.None"/>.</param>
    public RtpHeaderWriter(Span<byte> destination, in RtpHeaderFields fields, ReadOnlySpan<uint> csrcs = default, RtpHeaderExtensionForm extensionForm = RtpHeaderExtensionForm.None)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(csrcs.Length, MaxCsrcCount, nameof(csrcs));
        if (extensionForm is not (RtpHeaderExtensionForm.None or RtpHeaderExtensionForm.OneByte or RtpHeaderExtensionForm.TwoByte))
        {
            throw new ArgumentOutOfRangeException(nameof(extensionForm), extensionForm, "Only the RFC 8285 one-byte and two-byte forms can be written.");
        }

        int fixedLength = RtpPacket.FixedHeaderLength + (4 * csrcs.Length);
        int needed = extensionForm == RtpHeaderExtensionForm.None ? fixedLength : fixedLength + 4;
        if (destination.Length < needed)
        {
            throw new ArgumentException("The destination is too small for the RTP header.", nameof(destination));
        }

        _destination = destination;
        _form = extensionForm;
        _hasElements = false;
        destination[0] = (byte)((RtpPacket.RtpVersion << 6) | csrcs.Length);
        destination[1] = (byte)((fields.Marker ? 0x80 : 0) | (fields.PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), fields.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), fields.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), fields.Ssrc);
        for (int i = 0; i < csrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(RtpPacket.FixedHeaderLength + (4 * i)), csrcs[i]);
        }

        _extensionHeaderOffset = fixedLength;
        _length = needed;
    }

    /// <summary>
    /// Appends an extension element. False, writing nothing, when the id or length is outside the
    /// writer's form (one-byte: id 1-14, 1-16 bytes; two-byte: id 1-255, 0-255 bytes) or the element
    /// (with the padding to a 32-bit boundary) would not fit.
    /// </summary>
    public bool TryAddExtension(int id, ReadOnlySpan<byte> data)
    {
        int elementLength;
        if (_form == RtpHeaderExtensionForm.OneByte)
        {
            if (id is < 1 or > 14 || data.Length is < 1 or > 16)
            {
                return false;
            }

            elementLength = 1 + data.Length;
        }
        else if (_form == RtpHeaderExtensionForm.TwoByte)
        {
            if (id is < 1 or > 255 || data.Length > 255)
            {
                return false;
            }

            elementLength = 2 + data.Length;
        }
        else
        {
            return false;
        }

        int end = _length + elementLength;
        if (((end + 3) & ~3) > _destination.Length)
        {
            return false;
        }

        if (_form == RtpHeaderExtensionForm.OneByte)
        {
            _destination[_length] = (byte)((id << 4) | (data.Length - 1));
        }
        else
        {
            _destination[_length] = (byte)id;
            _destination[_length + 1] = (byte)data.Length;
        }

        data.CopyTo(_destination.Slice(end - data.Length));
        _length = end;
        _hasElements = true;
        return true;
    }

    /// <summary>
    /// Completes the header: pads the extension to 32 bits and writes its length, or drops it when no
    /// element was added. Returns the header length, where the payload starts.
    /// </summary>
    public int Finish()
    {
        if (_form == RtpHeaderExtensionForm.None)
        {
            return _length;
        }

        if (!_hasElements)
        {
            _length = _extensionHeaderOffset;
            return _length;
        }

        int padded = (_length + 3) & ~3;
        _destination.Slice(_length, padded - _length).Clear();
        _length = padded;
        int words = (padded - _extensionHeaderOffset - 4) / 4;
        ushort profile = _form == RtpHeaderExtensionForm.OneByte ? RtpPacket.OneByteExtensionProfile : RtpPacket.TwoByteExtensionProfile;
        BinaryPrimitives.WriteUInt16BigEndian(_destination.Slice(_extensionHeaderOffset), profile);
        BinaryPrimitives.WriteUInt16BigEndian(_destination.Slice(_extensionHeaderOffset + 2), (ushort)words);
        _destination[0] |= 0x10;
        return _length;
    }

    /// <summary>Writes a header without extension and returns its length (12 + 4 per CSRC).</summary>
    public static int Write(Span<byte> destination, in RtpHeaderFields fields, ReadOnlySpan<uint> csrcs = default) =>
        new RtpHeaderWriter(destination, fields, csrcs).Finish();
}
