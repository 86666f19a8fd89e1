using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VanYen.Media.Engine.WebRtc.Stun;

public readonly ref partial struct StunMessage
{
    private const int StackScratchLength = 256;

    /// <summary>Parses <paramref name="message"/> and checks its MESSAGE-INTEGRITY with <paramref name="key"/>.</summary>
    /// <param name="message">A whole STUN message.</param>
    /// <param name="key">For ICE's short-term credentials, the UTF-8 bytes of the ice-pwd (RFC 8489 §9.1.1).</param>
    public static bool VerifyMessageIntegrity(ReadOnlySpan<byte> message, ReadOnlySpan<byte> key) =>
        TryParse(message, out StunMessage parsed) && parsed.VerifyMessageIntegrity(key);

    /// <summary>Parses <paramref name="message"/> and checks its FINGERPRINT.</summary>
    public static bool VerifyFingerprint(ReadOnlySpan<byte> message) =>
        TryParse(message, out StunMessage parsed) && parsed.VerifyFingerprint();

    /// <summary>
    /// Checks MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 keyed by <paramref name="key"/> over the message up
    /// to that attribute, with the header length as if the message ended right after it. Constant-time
    /// compare. False when the attribute is missing. Allocates nothing.
    /// </summary>
    public bool VerifyMessageIntegrity(ReadOnlySpan<byte> key)
    {
        if (!TryGetMessageIntegrity(out ReadOnlySpan<byte> received))
        {
            return false;
        }

        int covered = _messageIntegrityOffset;
        int adjustedLength = covered + AttributeHeaderLength + MessageIntegrityLength - HeaderLength;
        int scratchLength = covered + MessageIntegrityLength;
        byte[]? rented = null;
        Span<byte> scratch = scratchLength <= StackScratchLength
            ? stackalloc byte[StackScratchLength]
            : (rented = ArrayPool<byte>.Shared.Rent(scratchLength));
        try
        {
            Span<byte> computed = scratch.Slice(covered, MessageIntegrityLength);
            if (adjustedLength == _data.Length - HeaderLength)
            {
                // MESSAGE-INTEGRITY is last: the header length is already the one to hash.
                HMACSHA1.HashData(key, _data.Slice(0, covered), computed);
            }
            else
            {
                // The received bytes are read-only, so the length is patched in a copy of the covered part.
                Span<byte> prefix = scratch.Slice(0, covered);
                _data.Slice(0, covered).CopyTo(prefix);
                BinaryPrimitives.WriteUInt16BigEndian(prefix.Slice(2), (ushort)adjustedLength);
                HMACSHA1.HashData(key, prefix, computed);
            }

            return CryptographicOperations.FixedTimeEquals(computed, received);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Checks FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to that attribute, xor 0x5354554E.
    /// FINGERPRINT is last (<see cref="TryParse"/> ensures it), so the header length already covers it.
    /// False when the attribute is missing.
    /// </summary>
    public bool VerifyFingerprint()
    {
        if (!TryGetFingerprint(out uint received))
        {
            return false;
        }

        return (StunCrc32.Compute(_data.Slice(0, _fingerprintOffset)) ^ FingerprintXor) == received;
    }
}
