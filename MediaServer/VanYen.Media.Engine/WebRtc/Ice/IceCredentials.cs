using System.Security.Cryptography;

namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>ICE short-term credentials: random generation (RFC 8445 §5.3) and the ice-char grammar (RFC 8839 §5.4).</summary>
public static class IceCredentials
{
    /// <summary>The ufrag length <see cref="GenerateUfrag"/> uses: 48 random bits, twice RFC 8445's 24-bit minimum,
    /// so that thousands of sessions on one port rarely draw the same one.</summary>
    public const int GeneratedUfragLength = 8;

    /// <summary>The password length <see cref="GeneratePassword"/> uses: 144 random bits (RFC 8445 §5.3 asks for at least 128).</summary>
    public const int GeneratedPasswordLength = 24;

    /// <summary>The shortest ufrag RFC 8839 §5.4 allows.</summary>
    public const int MinUfragLength = 4;

    /// <summary>The shortest password RFC 8839 §5.4 allows.</summary>
    public const int MinPasswordLength = 22;

    /// <summary>The longest ufrag or password RFC 8839 §5.4 allows.</summary>
    public const int MaxLength = 256;

    // RFC 8839 §5.4: ice-char = ALPHA / DIGIT / "+" / "/"; 64 symbols, so each carries 6 random bits.
    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>A new random ufrag of <see cref="GeneratedUfragLength"/> ice-chars.</summary>
    public static string GenerateUfrag() => RandomNumberGenerator.GetString(IceChars, GeneratedUfragLength);

    /// <summary>A new random password of <see cref="GeneratedPasswordLength"/> ice-chars.</summary>
    public static string GeneratePassword() => RandomNumberGenerator.GetString(IceChars, GeneratedPasswordLength);

    /// <summary>True when <paramref name="value"/> is only ice-chars and its length is within the bounds.</summary>
    public static bool IsValid(string? value, int minLength, int maxLength = MaxLength)
    {
        if (value is null || value.Length < minLength || value.Length > maxLength)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!IsIceChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for ALPHA / DIGIT / "+" / "/".</summary>
    public static bool IsIceChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/';
}
