using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtp;

/// <summary>
/// In-place edits of an RTP packet's header for forwarding (SFU): new SSRC, sequence number,
/// timestamp, payload type and marker per subscriber, and RFC 8285 extension ids remapped to what the
/// subscriber negotiated. The packet is expected to have passed <see cref="RtpPacket.TryParse"/>.
/// </summary>
public static class RtpHeaderRewriter
{
    /// <summary>Sets the SSRC.</summary>
    public static void SetSsrc(Span<byte> packet, uint ssrc) =>
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(8), ssrc);

    /// <summary>Sets the sequence number.</summary>
    public static void SetSequenceNumber(Span<byte> packet, ushort sequenceNumber) =>
        BinaryPrimitives.WriteUInt16BigEndian(packet.Slice(2), sequenceNumber);

    /// <summary>Sets the RTP timestamp.</summary>
    public static void SetTimestamp(Span<byte> packet, uint timestamp) =>
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(4), timestamp);

    /// <summary>Sets the 7-bit payload type and keeps the marker.</summary>
    public static void SetPayloadType(Span<byte> packet, byte payloadType) =>
        packet[1] = (byte)((packet[1] & 0x80) | (payloadType & 0x7F));

    /// <summary>Sets or clears the marker bit and keeps the payload type.</summary>
    public static void SetMarker(Span<byte> packet, bool marker) =>
        packet[1] = (byte)((packet[1] & 0x7F) | (marker ? 0x80 : 0));

    /// <summary>Sets SSRC, sequence number and timestamp: the usual per-subscriber forwarding rewrite.</summary>
    public static void Rewrite(Span<byte> packet, uint ssrc, ushort sequenceNumber, uint timestamp)
    {
        if (packet.Length < RtpPacket.FixedHeaderLength)
        {
            ThrowTooShort();
        }

        BinaryPrimitives.WriteUInt16BigEndian(packet.Slice(2), sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(8), ssrc);
    }

    /// <summary>Sets SSRC, sequence number, timestamp, payload type and marker.</summary>
    public static void Rewrite(Span<byte> packet, uint ssrc, ushort sequenceNumber, uint timestamp, byte payloadType, bool marker)
    {
        Rewrite(packet, ssrc, sequenceNumber, timestamp);
        packet[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
    }

    /// <summary>Finds extension element <paramref name="id"/> and returns its data, writable in place (same length).</summary>
    public static bool TryGetExtension(Span<byte> packet, int id, out Span<byte> data)
    {
        data = default;
        if (!RtpPacket.TryParse(packet, out RtpPacket parsed))
        {
            return false;
        }

        int blockOffset = parsed.ExtensionDataOffset;
        int headerLength = parsed.ExtensionForm == RtpHeaderExtensionForm.OneByte ? 1 : 2;
        foreach (RtpHeaderExtension element in parsed.Extensions)
        {
            if (element.Id == id)
            {
                data = packet.Slice(blockOffset + element.ElementOffset + headerLength, element.Data.Length);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Changes the local id of extension element <paramref name="id"/> to <paramref name="newId"/>.
    /// False when the packet is malformed, has no such element, or <paramref name="newId"/> is outside the form's range.
    /// </summary>
    public static bool TrySetExtensionId(Span<byte> packet, int id, int newId)
    {
        if (!RtpPacket.TryParse(packet, out RtpPacket parsed) || !IsValidId(parsed.ExtensionForm, newId))
        {
            return false;
        }

        int blockOffset = parsed.ExtensionDataOffset;
        RtpHeaderExtensionForm form = parsed.ExtensionForm;
        foreach (RtpHeaderExtension element in parsed.Extensions)
        {
            if (element.Id == id)
            {
                WriteId(packet, form, blockOffset + element.ElementOffset, newId);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rewrites every extension element's id through <paramref name="newIdByOldId"/> (indexed by the old id).
    /// A new id of 0, or an old id beyond the map, erases the element into padding bytes, so a subscriber
    /// never sees an extension it did not negotiate. False, changing nothing, when the packet is malformed
    /// or a new id is outside the form's range.
    /// </summary>
    public static bool TryRemapExtensionIds(Span<byte> packet, ReadOnlySpan<byte> newIdByOldId)
    {
        if (!RtpPacket.TryParse(packet, out RtpPacket parsed))
        {
            return false;
        }

        RtpHeaderExtensionForm form = parsed.ExtensionForm;
        if (form is not (RtpHeaderExtensionForm.OneByte or RtpHeaderExtensionForm.TwoByte))
        {
            return true;
        }

        foreach (RtpHeaderExtension element in parsed.Extensions)
        {
            int newId = MapId(newIdByOldId, element.Id);
            if (newId != 0 && !IsValidId(form, newId))
            {
                return false;
            }
        }

        int blockOffset = parsed.ExtensionDataOffset;
        int headerLength = form == RtpHeaderExtensionForm.OneByte ? 1 : 2;
        foreach (RtpHeaderExtension element in parsed.Extensions)
        {
            int newId = MapId(newIdByOldId, element.Id);
            int offset = blockOffset + element.ElementOffset;
            if (newId == 0)
            {
                // RFC 8285 §4.1: zero bytes are padding, so the element vanishes without moving the payload.
                packet.Slice(offset, headerLength + element.Data.Length).Clear();
            }
            else
            {
                WriteId(packet, form, offset, newId);
            }
        }

        return true;
    }

    private static int MapId(ReadOnlySpan<byte> newIdByOldId, int oldId) =>
        (uint)oldId < (uint)newIdByOldId.Length ? newIdByOldId[oldId] : 0;

    private static bool IsValidId(RtpHeaderExtensionForm form, int id) => form switch
    {
        RtpHeaderExtensionForm.OneByte => id is >= 1 and <= 14,
        RtpHeaderExtensionForm.TwoByte => id is >= 1 and <= 255,
        _ => false,
    };

    private static void WriteId(Span<byte> packet, RtpHeaderExtensionForm form, int elementOffset, int newId)
    {
        packet[elementOffset] = form == RtpHeaderExtensionForm.OneByte
            ? (byte)((newId << 4) | (packet[elementOffset] & 0x0F))
            : (byte)newId;
    }

    private static void ThrowTooShort() =>
        throw new ArgumentException("An RTP packet is at least 12 bytes long.", "packet");
}
