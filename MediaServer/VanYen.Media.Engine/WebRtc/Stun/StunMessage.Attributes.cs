using System.Buffers.Binary;
using System.Net;

namespace VanYen.Media.Engine.WebRtc.Stun;

public readonly ref partial struct StunMessage
{
    /// <summary>
    /// Finds the first attribute of <paramref name="type"/> before MESSAGE-INTEGRITY (or before FINGERPRINT
    /// when there is no MESSAGE-INTEGRITY). Use the dedicated accessors for those two.
    /// </summary>
    public bool TryGetAttribute(StunAttributeType type, out ReadOnlySpan<byte> value)
    {
        int offset = HeaderLength;
        while (offset < _authenticatedEnd)
        {
            int valueLength = BinaryPrimitives.ReadUInt16BigEndian(_data.Slice(offset + 2));
            if (BinaryPrimitives.ReadUInt16BigEndian(_data.Slice(offset)) == (ushort)type)
            {
                value = _data.Slice(offset + AttributeHeaderLength, valueLength);
                return true;
            }

            offset += AttributeHeaderLength + Padded(valueLength);
        }

        value = default;
        return false;
    }

    /// <summary>Reads USERNAME (RFC 8489 §14.3) as raw UTF-8 bytes.</summary>
    public bool TryGetUsername(out ReadOnlySpan<byte> username) => TryGetAttribute(StunAttributeType.Username, out username);

    /// <summary>
    /// Reads USERNAME and splits it the ICE way (RFC 8445 §7.2.2): a check carries "RFRAG:LFRAG", the
    /// recipient's ufrag then the sender's. In a check sent to us, <paramref name="recipientUfrag"/> is our
    /// ufrag and <paramref name="senderUfrag"/> the peer's.
    /// </summary>
    public bool TryGetIceUsername(out ReadOnlySpan<byte> recipientUfrag, out ReadOnlySpan<byte> senderUfrag)
    {
        if (TryGetUsername(out ReadOnlySpan<byte> username))
        {
            return TrySplitIceUsername(username, out recipientUfrag, out senderUfrag);
        }

        recipientUfrag = default;
        senderUfrag = default;
        return false;
    }

    /// <summary>
    /// Splits an ICE USERNAME "recipientUfrag:senderUfrag" (RFC 8445 §7.2.2) at its first colon; a ufrag
    /// never holds one (RFC 8839 §5.4 ice-char). False unless both parts are non-empty.
    /// </summary>
    public static bool TrySplitIceUsername(
        ReadOnlySpan<byte> username, out ReadOnlySpan<byte> recipientUfrag, out ReadOnlySpan<byte> senderUfrag)
    {
        int colon = username.IndexOf((byte)':');
        if (colon <= 0 || colon == username.Length - 1)
        {
            recipientUfrag = default;
            senderUfrag = default;
            return false;
        }

        recipientUfrag = username.Slice(0, colon);
        senderUfrag = username.Slice(colon + 1);
        return true;
    }

    /// <summary>Reads PRIORITY (RFC 8445 §7.1.1).</summary>
    public bool TryGetPriority(out uint priority)
    {
        if (TryGetAttribute(StunAttributeType.Priority, out ReadOnlySpan<byte> value) && value.Length == 4)
        {
            priority = BinaryPrimitives.ReadUInt32BigEndian(value);
            return true;
        }

        priority = 0;
        return false;
    }

    /// <summary>True when the request nominates the pair with USE-CANDIDATE (RFC 8445 §7.1.2).</summary>
    public bool HasUseCandidate => TryGetAttribute(StunAttributeType.UseCandidate, out _);

    /// <summary>True when the sender says it is controlled (ICE-CONTROLLED, RFC 8445 §7.1.3).</summary>
    public bool HasIceControlled => TryGetAttribute(StunAttributeType.IceControlled, out _);

    /// <summary>True when the sender says it is controlling (ICE-CONTROLLING, RFC 8445 §7.1.3).</summary>
    public bool HasIceControlling => TryGetAttribute(StunAttributeType.IceControlling, out _);

    /// <summary>Reads the tie-breaker of ICE-CONTROLLING (RFC 8445 §7.1.3).</summary>
    public bool TryGetIceControlling(out ulong tieBreaker) => TryGetUInt64(StunAttributeType.IceControlling, out tieBreaker);

    /// <summary>Reads the tie-breaker of ICE-CONTROLLED (RFC 8445 §7.1.3).</summary>
    public bool TryGetIceControlled(out ulong tieBreaker) => TryGetUInt64(StunAttributeType.IceControlled, out tieBreaker);

    /// <summary>
    /// Decodes XOR-MAPPED-ADDRESS (RFC 8489 §14.2) into raw bytes: <paramref name="address"/> needs 16 bytes;
    /// <paramref name="addressLength"/> is 4 (IPv4) or 16 (IPv6). Allocates nothing.
    /// </summary>
    public bool TryGetXorMappedAddress(Span<byte> address, out int addressLength, out ushort port)
    {
        if (address.Length >= 16 && TryGetAttribute(StunAttributeType.XorMappedAddress, out ReadOnlySpan<byte> value))
        {
            return StunXorAddress.TryDecode(value, TransactionId, address, out addressLength, out port);
        }

        addressLength = 0;
        port = 0;
        return false;
    }

    /// <summary>Decodes XOR-MAPPED-ADDRESS (RFC 8489 §14.2) into a new <see cref="IPAddress"/> and port (allocates).</summary>
    public bool TryGetXorMappedAddress(out IPAddress? address, out int port)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (TryGetXorMappedAddress(bytes, out int addressLength, out ushort decodedPort))
        {
            address = new IPAddress(bytes.Slice(0, addressLength));
            port = decodedPort;
            return true;
        }

        address = null;
        port = 0;
        return false;
    }

    /// <summary>
    /// Decodes XOR-MAPPED-ADDRESS (RFC 8489 §14.2) into <paramref name="destination"/>, which must hold an
    /// IPv6 socket address (28 bytes, see <see cref="SocketAddress.GetMaximumAddressSize"/>) for IPv6. Allocates nothing.
    /// </summary>
    public bool TryGetXorMappedAddress(SocketAddress destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Span<byte> bytes = stackalloc byte[16];
        return TryGetXorMappedAddress(bytes, out int addressLength, out ushort port)
            && StunXorAddress.TryWrite(destination, bytes.Slice(0, addressLength), port);
    }

    /// <summary>
    /// Reads ERROR-CODE (RFC 8489 §14.8): <paramref name="code"/> is class * 100 + number (300..699) and
    /// <paramref name="reason"/> the UTF-8 reason phrase.
    /// </summary>
    public bool TryGetErrorCode(out int code, out ReadOnlySpan<byte> reason)
    {
        if (TryGetAttribute(StunAttributeType.ErrorCode, out ReadOnlySpan<byte> value) && value.Length >= 4)
        {
            int errorClass = value[2] & 0x07;
            int number = value[3];
            if (errorClass is >= 3 and <= 6 && number < 100)
            {
                code = (errorClass * 100) + number;
                reason = value.Slice(4);
                return true;
            }
        }

        code = 0;
        reason = default;
        return false;
    }

    /// <summary>Reads the attribute types listed in UNKNOWN-ATTRIBUTES (RFC 8489 §14.13); returns how many there are.</summary>
    public int GetUnknownAttributesList(Span<ushort> destination)
    {
        if (!TryGetAttribute(StunAttributeType.UnknownAttributes, out ReadOnlySpan<byte> value))
        {
            return 0;
        }

        int count = value.Length / 2;
        for (int i = 0; i < count && i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadUInt16BigEndian(value.Slice(i * 2));
        }

        return count;
    }

    /// <summary>The 20-byte HMAC-SHA1 of MESSAGE-INTEGRITY (RFC 8489 §14.5).</summary>
    public bool TryGetMessageIntegrity(out ReadOnlySpan<byte> hmac)
    {
        hmac = HasMessageIntegrity
            ? _data.Slice(_messageIntegrityOffset + AttributeHeaderLength, MessageIntegrityLength)
            : default;
        return HasMessageIntegrity;
    }

    /// <summary>The 32-bit value of FINGERPRINT (RFC 8489 §14.7).</summary>
    public bool TryGetFingerprint(out uint fingerprint)
    {
        fingerprint = HasFingerprint
            ? BinaryPrimitives.ReadUInt32BigEndian(_data.Slice(_fingerprintOffset + AttributeHeaderLength))
            : 0;
        return HasFingerprint;
    }

    /// <summary>
    /// Lists the comprehension-required attribute types (below 0x8000) that an ICE-lite agent does not
    /// understand, for a 420 answer with UNKNOWN-ATTRIBUTES (RFC 8489 §6.3.1). Writes as many as fit in
    /// <paramref name="destination"/> and returns how many there are (0 when the request can be processed).
    /// </summary>
    public int GetUnknownComprehensionRequiredAttributes(Span<ushort> destination)
    {
        int count = 0;
        int offset = HeaderLength;
        while (offset < _authenticatedEnd)
        {
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(_data.Slice(offset));
            if (type < 0x8000 && !IsUnderstood(type))
            {
                if (count < destination.Length)
                {
                    destination[count] = type;
                }

                count++;
            }

            offset += AttributeHeaderLength + Padded(BinaryPrimitives.ReadUInt16BigEndian(_data.Slice(offset + 2)));
        }

        return count;
    }

    private static bool IsUnderstood(ushort type) => (StunAttributeType)type is
        StunAttributeType.MappedAddress or StunAttributeType.Username or StunAttributeType.MessageIntegrity
        or StunAttributeType.ErrorCode or StunAttributeType.UnknownAttributes or StunAttributeType.Realm
        or StunAttributeType.Nonce or StunAttributeType.XorMappedAddress or StunAttributeType.Priority
        or StunAttributeType.UseCandidate;

    private bool TryGetUInt64(StunAttributeType type, out ulong result)
    {
        if (TryGetAttribute(type, out ReadOnlySpan<byte> value) && value.Length == 8)
        {
            result = BinaryPrimitives.ReadUInt64BigEndian(value);
            return true;
        }

        result = 0;
        return false;
    }
}
