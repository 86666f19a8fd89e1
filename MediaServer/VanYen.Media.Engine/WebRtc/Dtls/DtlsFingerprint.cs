using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// A certificate fingerprint as SDP carries it (RFC 8122 §5, <c>a=fingerprint:sha-256 AB:CD:...</c>):
/// the hash function token and the hash of the DER certificate.
/// </summary>
public sealed class DtlsFingerprint : IEquatable<DtlsFingerprint>
{
    /// <summary>The hash function token for SHA-256, the one browsers use.</summary>
    public const string Sha256 = "sha-256";

    /// <summary>The hash function token for SHA-384.</summary>
    public const string Sha384 = "sha-384";

    /// <summary>The hash function token for SHA-512.</summary>
    public const string Sha512 = "sha-512";

    /// <summary>The hash function token for SHA-1 (legacy; still legal in RFC 8122).</summary>
    public const string Sha1 = "sha-1";

    private readonly byte[] _value;

    private DtlsFingerprint(string algorithm, byte[] value)
    {
        Algorithm = algorithm;
        _value = value;
    }

    /// <summary>The lower-case hash function token (<see cref="Sha256"/>, ...).</summary>
    public string Algorithm { get; }

    /// <summary>The hash bytes.</summary>
    public ReadOnlySpan<byte> Value => _value;

    /// <summary>Hashes a DER-encoded certificate with <paramref name="algorithm"/>.</summary>
    public static DtlsFingerprint Compute(string algorithm, ReadOnlySpan<byte> derCertificate)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        string token = algorithm.ToLowerInvariant();
        int length = GetHashLength(token);
        if (length == 0)
        {
            throw new ArgumentException($"Unsupported fingerprint hash function '{algorithm}'.", nameof(algorithm));
        }

        byte[] value = new byte[length];
        Hash(token, derCertificate, value);
        return new DtlsFingerprint(token, value);
    }

    /// <summary>The SHA-256 fingerprint of a DER-encoded certificate.</summary>
    public static DtlsFingerprint ComputeSha256(ReadOnlySpan<byte> derCertificate) => Compute(Sha256, derCertificate);

    /// <summary>
    /// Parses the value of an SDP fingerprint attribute, <c>"sha-256 AB:CD:..."</c>: a hash token, one or more
    /// spaces, then colon-separated hex pairs (case-insensitive) of exactly the hash's length.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DtlsFingerprint? fingerprint)
    {
        fingerprint = null;
        if (text is null)
        {
            return false;
        }

        ReadOnlySpan<char> span = text.AsSpan().Trim();
        int space = span.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        string token = span.Slice(0, space).ToString().ToLowerInvariant();
        int length = GetHashLength(token);
        ReadOnlySpan<char> hex = span.Slice(space + 1).TrimStart(' ');
        if (length == 0 || hex.Length != (length * 3) - 1)
        {
            return false;
        }

        byte[] value = new byte[length];
        for (int i = 0; i < length; i++)
        {
            int offset = i * 3;
            if ((i > 0 && hex[offset - 1] != ':')
                || !byte.TryParse(hex.Slice(offset, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value[i]))
            {
                return false;
            }
        }

        fingerprint = new DtlsFingerprint(token, value);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>, throwing <see cref="FormatException"/> on bad input.</summary>
    public static DtlsFingerprint Parse(string text) =>
        TryParse(text, out DtlsFingerprint? fingerprint)
            ? fingerprint
            : throw new FormatException($"'{text}' is not an SDP certificate fingerprint (expected e.g. \"sha-256 AB:CD:...\").");

    /// <summary>Whether <paramref name="derCertificate"/> hashes (with this fingerprint's function) to this value.</summary>
    public bool Matches(ReadOnlySpan<byte> derCertificate)
    {
        Span<byte> actual = stackalloc byte[64];
        actual = actual.Slice(0, _value.Length);
        Hash(Algorithm, derCertificate, actual);
        return CryptographicOperations.FixedTimeEquals(actual, _value);
    }

    /// <summary>The SDP form: <c>"sha-256 AB:CD:..."</c> (upper-case hex, RFC 8122 §5).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Algorithm.Length + 1 + (_value.Length * 3));
        builder.Append(Algorithm).Append(' ');
        for (int i = 0; i < _value.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(':');
            }

            builder.Append(_value[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(DtlsFingerprint? other) =>
        other is not null && Algorithm == other.Algorithm && _value.AsSpan().SequenceEqual(other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DtlsFingerprint);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Algorithm);
        hash.AddBytes(_value);
        return hash.ToHashCode();
    }

    private static int GetHashLength(string token) => token switch
    {
        Sha1 => 20,
        Sha256 => 32,
        Sha384 => 48,
        Sha512 => 64,
        _ => 0,
    };

    private static void Hash(string token, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        _ = token switch
        {
            Sha1 => SHA1.HashData(data, destination),
            Sha256 => SHA256.HashData(data, destination),
            Sha384 => SHA384.HashData(data, destination),
            Sha512 => SHA512.HashData(data, destination),
            _ => throw new ArgumentException($"Unsupported fingerprint hash function '{token}'.", nameof(token)),
        };
    }
}
