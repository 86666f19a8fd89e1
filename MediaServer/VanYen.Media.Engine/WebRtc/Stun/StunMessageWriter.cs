using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>
/// Writes a STUN message (RFC 8489) into a caller's buffer: the header first (constructor), then
/// attributes in order, then <see cref="AddMessageIntegrity"/> and <see cref="AddFingerprint"/> last.
/// The header length is kept current after every attribute, so <see cref="Written"/> is always a whole message.
/// </summary>
/// <remarks>
/// Sizing the buffer is the caller's job: an attribute that does not fit throws
/// <see cref="ArgumentException"/> (a programming error, never caused by received bytes alone).
/// Padding bytes are zero (RFC 8489 §14). Allocates nothing.
/// </remarks>
public ref struct StunMessageWriter
{
    private readonly Span<byte> _buffer;
    private int _length;

    /// <summary>Writes the 20-byte header of a message of <paramref name="method"/> and <paramref name="messageClass"/>.</summary>
    /// <param name="destination">Where the message goes; it must stay alive while the writer is used.</param>
    /// <param name="method">The method, <see cref="StunMethod.Binding"/> for ICE.</param>
    /// <param name="messageClass">Request, indication, success or error response.</param>
    /// <param name="transactionId">12 bytes: a response echoes the request's; a request takes fresh random ones.</param>
    public StunMessageWriter(Span<byte> destination, StunMethod method, StunMessageClass messageClass, scoped ReadOnlySpan<byte> transactionId)
    {
        if (transactionId.Length != StunMessage.TransactionIdLength)
        {
            ThrowTransactionIdLength();
        }

        if (destination.Length < StunMessage.HeaderLength)
        {
            ThrowTooSmall();
        }

        _buffer = destination;
        BinaryPrimitives.WriteUInt16BigEndian(destination, StunMessageType.Encode(method, messageClass));
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), 0);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), StunMessage.MagicCookie);
        transactionId.CopyTo(destination.Slice(8));
        _length = StunMessage.HeaderLength;
    }

    /// <summary>Bytes written so far: the length of the message.</summary>
    public readonly int Length => _length;

    /// <summary>The message written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer.Slice(0, _length);

    private readonly ReadOnlySpan<byte> TransactionId => _buffer.Slice(8, StunMessage.TransactionIdLength);

    /// <summary>Adds an attribute of any type with <paramref name="value"/>, zero-padded to 4 bytes.</summary>
    public void AddAttribute(StunAttributeType type, scoped ReadOnlySpan<byte> value) => AddAttribute(type, value, padding: 0);

    /// <summary>Adds USERNAME (RFC 8489 §14.3); for an ICE check "remoteUfrag:localUfrag" (RFC 8445 §7.2.2).</summary>
    public void AddUsername(scoped ReadOnlySpan<byte> username) => AddAttribute(StunAttributeType.Username, username);

    /// <summary>Adds SOFTWARE (RFC 8489 §14.14), UTF-8 bytes.</summary>
    public void AddSoftware(scoped ReadOnlySpan<byte> software) => AddAttribute(StunAttributeType.Software, software);

    /// <summary>Adds PRIORITY (RFC 8445 §7.1.1).</summary>
    public void AddPriority(uint priority) =>
        BinaryPrimitives.WriteUInt32BigEndian(Reserve(StunAttributeType.Priority, 4, padding: 0), priority);

    /// <summary>Adds USE-CANDIDATE (RFC 8445 §7.1.2), which has no value.</summary>
    public void AddUseCandidate() => Reserve(StunAttributeType.UseCandidate, 0, padding: 0);

    /// <summary>Adds ICE-CONTROLLING with our tie-breaker (RFC 8445 §7.1.3).</summary>
    public void AddIceControlling(ulong tieBreaker) =>
        BinaryPrimitives.WriteUInt64BigEndian(Reserve(StunAttributeType.IceControlling, 8, padding: 0), tieBreaker);

    /// <summary>Adds ICE-CONTROLLED with our tie-breaker (RFC 8445 §7.1.3).</summary>
    public void AddIceControlled(ulong tieBreaker) =>
        BinaryPrimitives.WriteUInt64BigEndian(Reserve(StunAttributeType.IceControlled, 8, padding: 0), tieBreaker);

    /// <summary>
    /// Adds XOR-MAPPED-ADDRESS (RFC 8489 §14.2) for raw address bytes: 4 (IPv4) or 16 (IPv6).
    /// </summary>
    public void AddXorMappedAddress(scoped ReadOnlySpan<byte> address, ushort port)
    {
        if (address.Length is not (4 or 16))
        {
            ThrowAddressLength();
        }

        int valueLength = address.Length == 4 ? StunXorAddress.IPv4ValueLength : StunXorAddress.IPv6ValueLength;
        ReadOnlySpan<byte> transactionId = TransactionId;
        StunXorAddress.Encode(address, port, transactionId, Reserve(StunAttributeType.XorMappedAddress, valueLength, padding: 0));
    }

    /// <summary>
    /// Adds XOR-MAPPED-ADDRESS for the address a datagram came from, as <c>ReceiveFrom</c> filled it.
    /// An IPv4-mapped IPv6 address (dual-mode socket) is written as IPv4, the address the peer knows.
    /// </summary>
    public void AddXorMappedAddress(SocketAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        if (!StunXorAddress.TryRead(address, bytes, out int addressLength, out ushort port))
        {
            ThrowAddressFamily();
        }

        AddXorMappedAddress(bytes.Slice(0, addressLength), port);
    }

    /// <summary>Adds XOR-MAPPED-ADDRESS for <paramref name="endPoint"/> (IPv4-mapped IPv6 is written as IPv4).</summary>
    public void AddXorMappedAddress(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        Span<byte> bytes = stackalloc byte[16];
        if (endPoint.Address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            || !endPoint.Address.TryWriteBytes(bytes, out int addressLength))
        {
            ThrowAddressFamily();
            return;
        }

        ReadOnlySpan<byte> address = bytes.Slice(0, addressLength);
        if (addressLength == 16 && StunXorAddress.IsIPv4Mapped(address))
        {
            address = address.Slice(12, 4);
        }

        AddXorMappedAddress(address, (ushort)endPoint.Port);
    }

    /// <summary>
    /// Adds ERROR-CODE (RFC 8489 §14.8) for <paramref name="code"/> 300..699 with a UTF-8
    /// <paramref name="reason"/> (at most 763 bytes).
    /// </summary>
    public void AddErrorCode(int code, scoped ReadOnlySpan<byte> reason)
    {
        if (code is < 300 or > 699 || reason.Length > 763)
        {
            ThrowErrorCode();
        }

        Span<byte> value = Reserve(StunAttributeType.ErrorCode, 4 + reason.Length, padding: 0);
        value[0] = 0;
        value[1] = 0;
        value[2] = (byte)(code / 100);
        value[3] = (byte)(code % 100);
        reason.CopyTo(value.Slice(4));
    }

    /// <summary>Adds UNKNOWN-ATTRIBUTES (RFC 8489 §14.13), for a 420 response.</summary>
    public void AddUnknownAttributes(scoped ReadOnlySpan<ushort> types)
    {
        Span<byte> value = Reserve(StunAttributeType.UnknownAttributes, types.Length * 2, padding: 0);
        for (int i = 0; i < types.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(value.Slice(i * 2), types[i]);
        }
    }

    /// <summary>
    /// Adds MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 keyed by <paramref name="key"/> (the ice-pwd for ICE)
    /// over everything so far, with the header length already counting this attribute.
    /// Only FINGERPRINT may follow.
    /// </summary>
    public void AddMessageIntegrity(scoped ReadOnlySpan<byte> key)
    {
        Span<byte> hmac = Reserve(StunAttributeType.MessageIntegrity, StunMessage.MessageIntegrityLength, padding: 0);
        int covered = _length - StunMessage.AttributeHeaderLength - StunMessage.MessageIntegrityLength;
        HMACSHA1.HashData(key, _buffer.Slice(0, covered), hmac);
    }

    /// <summary>Adds FINGERPRINT (RFC 8489 §14.7), the last attribute, and returns the message length.</summary>
    public int AddFingerprint()
    {
        Span<byte> value = Reserve(StunAttributeType.Fingerprint, StunMessage.FingerprintLength, padding: 0);
        int covered = _length - StunMessage.AttributeHeaderLength - StunMessage.FingerprintLength;
        BinaryPrimitives.WriteUInt32BigEndian(value, StunCrc32.Compute(_buffer.Slice(0, covered)) ^ StunMessage.FingerprintXor);
        return _length;
    }

    /// <summary>
    /// Adds an attribute with a chosen padding byte. RFC 8489 §14 wants zero; RFC 5769's vectors pad with
    /// spaces (0x20), which RFC 5389 allowed, so tests use this to rebuild them byte for byte.
    /// </summary>
    internal void AddAttribute(StunAttributeType type, scoped ReadOnlySpan<byte> value, byte padding) =>
        value.CopyTo(Reserve(type, value.Length, padding));

    private Span<byte> Reserve(StunAttributeType type, int valueLength, byte padding)
    {
        int padded = StunMessage.Padded(valueLength);
        int start = _length;
        int end = start + StunMessage.AttributeHeaderLength + padded;
        if (valueLength > ushort.MaxValue || end > _buffer.Length || end - StunMessage.HeaderLength > ushort.MaxValue)
        {
            ThrowTooSmall();
        }

        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(start), (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(start + 2), (ushort)valueLength);
        Span<byte> value = _buffer.Slice(start + StunMessage.AttributeHeaderLength, padded);
        value.Slice(valueLength).Fill(padding);
        _length = end;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(2), (ushort)(end - StunMessage.HeaderLength));
        return value.Slice(0, valueLength);
    }

    [DoesNotReturn]
    private static void ThrowTooSmall() =>
        throw new ArgumentException("The destination is too small for this STUN message.", "destination");

    [DoesNotReturn]
    private static void ThrowTransactionIdLength() =>
        throw new ArgumentException("A STUN transaction id is 12 bytes.", "transactionId");

    [DoesNotReturn]
    private static void ThrowAddressLength() =>
        throw new ArgumentException("An address is 4 (IPv4) or 16 (IPv6) bytes.", "address");

    [DoesNotReturn]
    private static void ThrowAddressFamily() =>
        throw new ArgumentException("Only IPv4 and IPv6 addresses can be mapped.", "address");

    [DoesNotReturn]
    private static void ThrowErrorCode() =>
        throw new ArgumentOutOfRangeException("code", "An error code is 300..699 with a reason of at most 763 bytes.");
}
