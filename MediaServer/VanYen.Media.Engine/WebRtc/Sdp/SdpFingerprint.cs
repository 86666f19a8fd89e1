using System.Globalization;
using System.Text;

namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// An a=fingerprint value (RFC 8122 §5): the hash function name and the digest of the DTLS certificate.
/// Two fingerprints are equal when the hash function (case-insensitive) and the digest bytes match.
/// </summary>
public sealed record SdpFingerprint
{
    /// <summary>Creates a fingerprint from a hash function name and the digest bytes.</summary>
    public SdpFingerprint(string hashFunction, byte[] digest)
    {
        ArgumentException.ThrowIfNullOrEmpty(hashFunction);
        ArgumentNullException.ThrowIfNull(digest);
        HashFunction = hashFunction;
        Digest = digest;
    }

    /// <summary>The hash function name as written, e.g. "sha-256".</summary>
    public string HashFunction { get; }

    /// <summary>The digest of the certificate.</summary>
#pragma warning disable CA1819 // A fingerprint is a small immutable-by-convention digest; an array is what hash APIs take.
    public byte[] Digest { get; }
#pragma warning restore CA1819

    /// <summary>
    /// The digest length in bytes for a hash function this server accepts (sha-256, sha-384, sha-512),
    /// or 0 when the hash function is not supported.
    /// </summary>
    public static int SupportedDigestLength(string hashFunction)
    {
        if (string.Equals(hashFunction, "sha-256", StringComparison.OrdinalIgnoreCase))
        {
            return 32;
        }

        if (string.Equals(hashFunction, "sha-384", StringComparison.OrdinalIgnoreCase))
        {
            return 48;
        }

        if (string.Equals(hashFunction, "sha-512", StringComparison.OrdinalIgnoreCase))
        {
            return 64;
        }

        return 0;
    }

    /// <summary>Creates the sha-256 fingerprint of a DER-encoded certificate.</summary>
    public static SdpFingerprint Sha256OfCertificate(ReadOnlySpan<byte> derCertificate) =>
        new("sha-256", System.Security.Cryptography.SHA256.HashData(derCertificate));

    /// <summary>The digest as upper-case hex pairs separated by colons (RFC 8122 §5).</summary>
    public string FormatDigest()
    {
        var builder = new StringBuilder(Digest.Length * 3);
        for (int i = 0; i < Digest.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(':');
            }

            builder.Append(Digest[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(SdpFingerprint? other) =>
        other is not null
        && string.Equals(HashFunction, other.HashFunction, StringComparison.OrdinalIgnoreCase)
        && Digest.AsSpan().SequenceEqual(other.Digest);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(HashFunction, StringComparer.OrdinalIgnoreCase);
        hash.AddBytes(Digest);
        return hash.ToHashCode();
    }

    /// <summary>The attribute value, e.g. "sha-256 AB:CD:...".</summary>
    public override string ToString() => HashFunction + " " + FormatDigest();
}
