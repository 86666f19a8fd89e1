using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VanYen.Media.Server.Security;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes, encoded as
/// <c>pbkdf2-sha256$iterations$salt$hash</c> (salt and hash in base64),
/// so the iteration count can rise over the years without breaking old hashes.
/// </summary>
public sealed class PasswordHasher
{
    /// <summary>The algorithm tag at the start of every encoded hash.</summary>
    public const string Algorithm = "pbkdf2-sha256";

    /// <summary>The lowest iteration count this hasher will use for new hashes.</summary>
    public const int MinimumIterations = 210_000;

    /// <summary>OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256 (2023).</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>Random salt length in bytes.</summary>
    public const int SaltSize = 16;

    /// <summary>Derived key length in bytes (the SHA-256 output size, so PBKDF2 runs one block).</summary>
    public const int HashSize = 32;

    // A tampered hash must not make one login attempt cost minutes of CPU.
    private const int MaximumIterations = 10_000_000;

    private static readonly byte[] s_dummySalt = RandomNumberGenerator.GetBytes(SaltSize);

    public PasswordHasher(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinimumIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaximumIterations);
        Iterations = iterations;
    }

    /// <summary>Iterations used for new hashes; verifying an older, lower count asks for a re-hash.</summary>
    public int Iterations { get; }

    /// <summary>Whether <paramref name="encoded"/> has the form <see cref="Hash"/> makes (it says nothing of the password).</summary>
    public static bool IsWellFormed(string? encoded) => TryDecode(encoded, out _, out _, out _);

    /// <summary>Hashes a password with a fresh random salt.</summary>
    public string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        byte[] salt = RandomNumberGenerator.GetBytes(SaltSize);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashSize);
        return string.Join(
            '$',
            Algorithm,
            Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt),
            Convert.ToBase64String(hash));
    }

    /// <summary>Checks a password in constant time; a malformed or tampered hash gives <see cref="PasswordVerification.Failed"/>.</summary>
    public PasswordVerification Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryDecode(encoded, out int iterations, out byte[] salt, out byte[] expected))
        {
            return PasswordVerification.Failed;
        }

        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashSize);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordVerification.Failed;
        }

        return iterations < Iterations ? PasswordVerification.SuccessRehashNeeded : PasswordVerification.Success;
    }

    /// <summary>
    /// Spends the time of one verification and fails: call it when the username is unknown,
    /// so response time does not tell which usernames exist.
    /// </summary>
    public PasswordVerification VerifyUnknownUser(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        _ = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), s_dummySalt, Iterations, HashAlgorithmName.SHA256, HashSize);
        return PasswordVerification.Failed;
    }

    /// <summary>Whether a stored hash used fewer iterations than <see cref="Iterations"/> (or is not ours at all).</summary>
    public bool NeedsRehash(string encoded) => !TryDecode(encoded, out int iterations, out _, out _) || iterations < Iterations;

    private static bool TryDecode(string? encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        if (encoded is null)
        {
            return false;
        }

        string[] parts = encoded.Split('$');
        if (parts.Length != 4
            || !string.Equals(parts[0], Algorithm, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations is < 1 or > MaximumIterations)
        {
            return false;
        }

        salt = new byte[SaltSize];
        hash = new byte[HashSize];
        return Convert.TryFromBase64String(parts[2], salt, out int saltLength) && saltLength == SaltSize
            && Convert.TryFromBase64String(parts[3], hash, out int hashLength) && hashLength == HashSize;
    }
}
