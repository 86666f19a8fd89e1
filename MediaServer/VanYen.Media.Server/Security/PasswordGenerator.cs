using System.Security.Cryptography;

namespace VanYen.Media.Server.Security;

/// <summary>Random passwords a person can read aloud and type: no 0/O, 1/l/I look-alikes.</summary>
public static class PasswordGenerator
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A password of <paramref name="length"/> characters (16 gives about 93 bits).</summary>
    public static string Generate(int length = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 12);
        return RandomNumberGenerator.GetString(Alphabet, length);
    }
}
