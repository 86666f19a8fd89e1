using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>
/// The session keys of one direction's RTP or RTCP traffic and the reusable cipher
/// objects built from them: AES-CM + HMAC-SHA1 (RFC 3711 §4.1.1, §4.2) or AES-GCM (RFC 7714).
/// Not thread-safe; the owning <see cref="SrtpContext"/> serializes use.
/// </summary>
internal sealed class SrtpSessionCipher : IDisposable
{
    public const int AesCmIvLength = 16;
    public const int GcmIvLength = 12;
    public const int HmacSha1Length = 20;

    private readonly byte[] _salt;
    private readonly AesCounterMode? _counterMode;
    private readonly IncrementalHash? _hmac;
    private readonly AesGcm? _gcm;

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "HMAC-SHA1 is the authentication transform RFC 3711 §4.2 and RFC 5764 mandate for AES_CM_128_HMAC_SHA1_80.")]
    public SrtpSessionCipher(SrtpProtectionProfile profile, ReadOnlySpan<byte> sessionKey, ReadOnlySpan<byte> sessionSalt, ReadOnlySpan<byte> sessionAuthKey)
    {
        Profile = profile;
        if (sessionKey.Length != profile.GetSessionKeyLength())
        {
            throw new ArgumentException("Wrong session key length for the profile.", nameof(sessionKey));
        }

        if (sessionSalt.Length != profile.GetSessionSaltLength())
        {
            throw new ArgumentException("Wrong session salt length for the profile.", nameof(sessionSalt));
        }

        _salt = sessionSalt.ToArray();
        if (profile == SrtpProtectionProfile.AeadAes128Gcm)
        {
            _gcm = new AesGcm(sessionKey, profile.GetAuthTagLength());
        }
        else
        {
            if (sessionAuthKey.Length != profile.GetSessionAuthKeyLength())
            {
                throw new ArgumentException("Wrong session authentication key length for the profile.", nameof(sessionAuthKey));
            }

            _counterMode = new AesCounterMode(sessionKey);
            _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, sessionAuthKey);
        }
    }

    public SrtpProtectionProfile Profile { get; }

    public bool IsAead => _gcm is not null;

    /// <summary>Writes the AES-CM IV (RFC 3711 §4.1.1): (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16).</summary>
    public void ComputeAesCmIv(uint ssrc, ulong index, Span<byte> iv)
    {
        _salt.CopyTo(iv);
        iv[14] = 0;
        iv[15] = 0;
        uint ssrcPart = BinaryPrimitives.ReadUInt32BigEndian(iv.Slice(4, 4)) ^ ssrc;
        BinaryPrimitives.WriteUInt32BigEndian(iv.Slice(4, 4), ssrcPart);
        for (int i = 0; i < 6; i++)
        {
            iv[13 - i] ^= (byte)(index >> (8 * i));
        }
    }

    /// <summary>RFC 7714 §8.1: IV = (0x0000 || SSRC || ROC || SEQ) XOR salt.</summary>
    public void ComputeGcmRtpIv(uint ssrc, uint rolloverCounter, ushort sequenceNumber, Span<byte> iv)
    {
        iv[0] = 0;
        iv[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(iv.Slice(2, 4), ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(iv.Slice(6, 4), rolloverCounter);
        BinaryPrimitives.WriteUInt16BigEndian(iv.Slice(10, 2), sequenceNumber);
        XorSalt(iv);
    }

    /// <summary>RFC 7714 §9.1: IV = (0x0000 || SSRC || 0x0000 || 0 || SRTCP index) XOR salt.</summary>
    public void ComputeGcmRtcpIv(uint ssrc, uint srtcpIndex, Span<byte> iv)
    {
        iv[0] = 0;
        iv[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(iv.Slice(2, 4), ssrc);
        iv[6] = 0;
        iv[7] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(iv.Slice(8, 4), srtcpIndex & 0x7FFF_FFFF);
        XorSalt(iv);
    }

    /// <summary>AES-CM encryption or decryption (the same operation); output may be the input's memory.</summary>
    public void CounterModeTransform(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output) =>
        _counterMode!.Transform(iv, input, output);

    /// <summary>Writes HMAC-SHA1(auth key, <paramref name="message"/> || <paramref name="trailer"/>), full 20 bytes (RFC 3711 §4.2).</summary>
    public void ComputeHmac(ReadOnlySpan<byte> message, ReadOnlySpan<byte> trailer, Span<byte> hash)
    {
        _hmac!.AppendData(message);
        if (!trailer.IsEmpty)
        {
            _hmac.AppendData(trailer);
        }

        _hmac.TryGetHashAndReset(hash, out _);
    }

    public void GcmEncrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData) =>
        _gcm!.Encrypt(iv, plaintext, ciphertext, tag, associatedData);

    /// <summary>False when the tag does not verify; the output is then cleared by the platform.</summary>
    public bool TryGcmDecrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        try
        {
            _gcm!.Decrypt(iv, ciphertext, tag, plaintext, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _counterMode?.Dispose();
        _hmac?.Dispose();
        _gcm?.Dispose();
        CryptographicOperations.ZeroMemory(_salt);
    }

    private void XorSalt(Span<byte> iv)
    {
        for (int i = 0; i < GcmIvLength; i++)
        {
            iv[i] ^= _salt[i];
        }
    }
}
