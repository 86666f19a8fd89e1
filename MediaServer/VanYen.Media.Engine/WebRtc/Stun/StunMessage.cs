using System.Buffers.Binary;

namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>
/// A STUN message (RFC 8489) read in place from a received datagram: nothing is copied or allocated.
/// Parse with <see cref="TryParse"/>, then read attributes with the accessors or <see cref="Attributes"/>,
/// and check <see cref="VerifyMessageIntegrity(ReadOnlySpan{byte})"/> and <see cref="VerifyFingerprint()"/>.
/// </summary>
/// <remarks>
/// As RFC 8489 §14.5 asks, the accessors ignore attributes that follow MESSAGE-INTEGRITY (other than
/// FINGERPRINT), since they are not authenticated. <see cref="Attributes"/> shows every attribute.
/// </remarks>
public readonly ref partial struct StunMessage
{
    /// <summary>The fixed STUN header: type, length, magic cookie, transaction id (RFC 8489 §5).</summary>
    public const int HeaderLength = 20;

    /// <summary>The magic cookie that every RFC 5389/8489 message carries at offset 4.</summary>
    public const uint MagicCookie = 0x2112A442;

    /// <summary>The length of the transaction id (96 bits).</summary>
    public const int TransactionIdLength = 12;

    internal const int AttributeHeaderLength = 4;
    internal const int MessageIntegrityLength = 20;
    internal const int FingerprintLength = 4;
    internal const uint FingerprintXor = 0x5354554E;

    private const int TransactionIdOffset = 8;
    private const int NotPresent = -1;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _messageIntegrityOffset;
    private readonly int _fingerprintOffset;
    private readonly int _authenticatedEnd;

    private StunMessage(ReadOnlySpan<byte> data, int messageIntegrityOffset, int fingerprintOffset, int authenticatedEnd)
    {
        _data = data;
        _messageIntegrityOffset = messageIntegrityOffset;
        _fingerprintOffset = fingerprintOffset;
        _authenticatedEnd = authenticatedEnd;
    }

    /// <summary>The whole message, header included.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>The whole message length in bytes (header + attributes).</summary>
    public int Length => _data.Length;

    /// <summary>The 14-bit message type (method and class interleaved).</summary>
    public ushort MessageType => BinaryPrimitives.ReadUInt16BigEndian(_data);

    /// <summary>The method, e.g. <see cref="StunMethod.Binding"/>.</summary>
    public StunMethod Method => StunMessageType.GetMethod(MessageType);

    /// <summary>The class: request, indication, success or error response.</summary>
    public StunMessageClass Class => StunMessageType.GetClass(MessageType);

    /// <summary>The 96-bit transaction id.</summary>
    public ReadOnlySpan<byte> TransactionId => _data.Slice(TransactionIdOffset, TransactionIdLength);

    /// <summary>True when the message carries MESSAGE-INTEGRITY.</summary>
    public bool HasMessageIntegrity => _messageIntegrityOffset != NotPresent;

    /// <summary>True when the message ends with FINGERPRINT.</summary>
    public bool HasFingerprint => _fingerprintOffset != NotPresent;

    /// <summary>Every attribute in wire order, MESSAGE-INTEGRITY and FINGERPRINT included.</summary>
    public StunAttributeEnumerator Attributes => new(_data, _data.Length);

    /// <summary>
    /// Reads a STUN message that must fill <paramref name="data"/> exactly (one UDP datagram).
    /// Returns false, without throwing, for anything that is not a well-formed RFC 8489 message.
    /// </summary>
    /// <remarks>
    /// Checks (RFC 8489 §5, §6.3, §14): the two leading bits are zero, the length is a multiple of 4 and
    /// matches the data, the magic cookie, every attribute (with its padding) fits, MESSAGE-INTEGRITY is 20
    /// bytes and FINGERPRINT is 4 bytes and comes last.
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<byte> data, out StunMessage message)
    {
        message = default;
        if (data.Length < HeaderLength || (data[0] & 0xC0) != 0)
        {
            return false;
        }

        int bodyLength = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(2));
        if ((bodyLength & 3) != 0 || data.Length != HeaderLength + bodyLength
            || BinaryPrimitives.ReadUInt32BigEndian(data.Slice(4)) != MagicCookie)
        {
            return false;
        }

        int messageIntegrityOffset = NotPresent;
        int fingerprintOffset = NotPresent;
        int authenticatedEnd = data.Length;
        int offset = HeaderLength;
        while (offset < data.Length)
        {
            // RFC 8489 §14.7: FINGERPRINT is the last attribute.
            if (fingerprintOffset != NotPresent || data.Length - offset < AttributeHeaderLength)
            {
                return false;
            }

            ushort type = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(offset));
            int valueLength = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(offset + 2));
            if (Padded(valueLength) > data.Length - offset - AttributeHeaderLength)
            {
                return false;
            }

            if (type == (ushort)StunAttributeType.MessageIntegrity && messageIntegrityOffset == NotPresent)
            {
                if (valueLength != MessageIntegrityLength)
                {
                    return false;
                }

                messageIntegrityOffset = offset;
                authenticatedEnd = offset;
            }
            else if (type == (ushort)StunAttributeType.Fingerprint)
            {
                if (valueLength != FingerprintLength)
                {
                    return false;
                }

                fingerprintOffset = offset;
                if (messageIntegrityOffset == NotPresent)
                {
                    authenticatedEnd = offset;
                }
            }

            offset += AttributeHeaderLength + Padded(valueLength);
        }

        message = new StunMessage(data, messageIntegrityOffset, fingerprintOffset, authenticatedEnd);
        return true;
    }

    /// <summary>A value length rounded up to the 4-byte attribute boundary (RFC 8489 §14).</summary>
    internal static int Padded(int valueLength) => (valueLength + 3) & ~3;
}
