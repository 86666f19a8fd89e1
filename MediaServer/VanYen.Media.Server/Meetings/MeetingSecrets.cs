using System.Security.Cryptography;

namespace VanYen.Media.Server.Meetings;

/// <summary>Random ids and tokens for meetings: short enough for a link, too many to guess.</summary>
public static class MeetingSecrets
{
    // Lower-case letters and digits without 0/1/l/o, so an id read aloud over the phone is not misheard.
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A meeting id of 12 characters: 60 random bits.</summary>
    public static string NewMeetingId() => RandomNumberGenerator.GetString(IdAlphabet, 12);

    /// <summary>A participant id of 8 characters (unique in its meeting; the caller checks).</summary>
    public static string NewParticipantId() => "p" + RandomNumberGenerator.GetString(IdAlphabet, 8);

    /// <summary>A token of 128 random bits, URL-safe.</summary>
    public static string NewToken()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Compares a presented secret with the expected one in constant time.</summary>
    public static bool Matches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(expected));
}
