using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace VanYen.Media.Server.Security;

/// <summary>
/// Receiver secrets: 32 random bytes (base64url), stored as <c>sha256$hash</c>.
/// </summary>
/// <remarks>
/// Unlike a password, the secret is 256 bits of machine randomness, so guessing it is
/// hopeless whatever the hash costs; a slow KDF would only make every reconnect of
/// hundreds of receivers burn CPU (and hand an attacker a cheap way to load the server).
/// A plain SHA-256 is also deterministic, so a device can be looked up by its secret alone
/// through a unique index, without sending an id.
/// </remarks>
public static class DeviceSecret
{
    /// <summary>The prefix of every stored device secret hash.</summary>
    public const string Algorithm = "sha256";

    /// <summary>Random bytes in a secret.</summary>
    public const int SecretSize = 32;

    /// <summary>A fresh secret to give to one device (43 characters, URL-safe).</summary>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretSize));

    /// <summary>The value to store for a secret.</summary>
    public static string Hash(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Algorithm + "$" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>Whether <paramref name="secret"/> matches <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Verify(string secret, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0 || !IsWellFormedHash(storedHash))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
    }

    /// <summary>Whether a stored value has the form <see cref="Hash"/> makes.</summary>
    public static bool IsWellFormedHash(string? storedHash)
    {
        if (storedHash is null || !storedHash.StartsWith(Algorithm + "$", StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        return Convert.TryFromBase64String(storedHash[(Algorithm.Length + 1)..], digest, out int written) && written == SHA256.HashSizeInBytes;
    }
}
