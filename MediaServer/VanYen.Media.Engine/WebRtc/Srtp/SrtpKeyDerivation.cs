namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>
/// The SRTP key derivation function (RFC 3711 §4.3): the AES-CM PRF keyed by the
/// master key, with key_derivation_rate 0, as DTLS-SRTP requires (RFC 5764 §4.1.2).
/// RFC 7714 §11 uses the same function for AEAD_AES_128_GCM.
/// </summary>
internal static class SrtpKeyDerivation
{
    private const int BlockLength = 16;

    /// <summary>
    /// Fills <paramref name="output"/> with the session key, authentication key or salt that
    /// <paramref name="label"/> names. <paramref name="masterSalt"/> is 14 bytes (AES-CM) or 12 bytes (GCM).
    /// </summary>
    public static void Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, SrtpKeyDerivationLabel label, Span<byte> output)
    {
        if (masterKey.Length != 16)
        {
            throw new ArgumentException("The master key must be 16 bytes.", nameof(masterKey));
        }

        if (masterSalt.Length is not (12 or 14))
        {
            throw new ArgumentException("The master salt must be 12 or 14 bytes.", nameof(masterSalt));
        }

        // RFC 3711 §4.3.1: x = key_id XOR master_salt, key_id = label || r, r = 0 when the rate is 0;
        // the label is the 8 bits just above the 48-bit index, i.e. byte 7 of the 112-bit salt.
        // A 96-bit GCM master salt fills the high 96 bits, the rest zero (RFC 7714 §11).
        Span<byte> iv = stackalloc byte[BlockLength];
        iv.Clear();
        masterSalt.CopyTo(iv);
        iv[7] ^= (byte)label;

        using var counterMode = new AesCounterMode(masterKey);
        counterMode.GenerateKeystream(iv, output);
    }

    /// <summary>Derives the key and salt of one direction's RTP or RTCP session (labels 0-2 or 3-5).</summary>
    public static void DeriveSession(
        ReadOnlySpan<byte> masterKey,
        ReadOnlySpan<byte> masterSalt,
        bool rtcp,
        Span<byte> sessionKey,
        Span<byte> sessionAuthKey,
        Span<byte> sessionSalt)
    {
        Derive(masterKey, masterSalt, rtcp ? SrtpKeyDerivationLabel.RtcpEncryption : SrtpKeyDerivationLabel.RtpEncryption, sessionKey);
        if (!sessionAuthKey.IsEmpty)
        {
            Derive(masterKey, masterSalt, rtcp ? SrtpKeyDerivationLabel.RtcpAuthentication : SrtpKeyDerivationLabel.RtpAuthentication, sessionAuthKey);
        }

        Derive(masterKey, masterSalt, rtcp ? SrtpKeyDerivationLabel.RtcpSalt : SrtpKeyDerivationLabel.RtpSalt, sessionSalt);
    }
}
