using System.Security.Cryptography;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>Broadcast ids: "b-" and 10 random base32 characters (50 bits), short enough to read out on the phone.</summary>
public static class BroadcastIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new random id.</summary>
    public static string New() => "b-" + RandomNumberGenerator.GetString(Alphabet, 10);
}
