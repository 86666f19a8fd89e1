using System.Text;

namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>
/// Compares ufrags as strings (when sessions are registered) and as the raw USERNAME bytes of a received check,
/// so the per-check lookup allocates nothing. Ufrags are ASCII ice-chars, so each char is one byte.
/// The hash is <see cref="HashCode"/>, randomly seeded per process, against hash flooding.
/// </summary>
internal sealed class IceUfragComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
{
    public static IceUfragComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = default(HashCode);
        foreach (char c in obj)
        {
            hash.Add((byte)c);
        }

        return hash.ToHashCode();
    }

    public bool Equals(ReadOnlySpan<byte> alternate, string other)
    {
        if (alternate.Length != other.Length)
        {
            return false;
        }

        for (int i = 0; i < alternate.Length; i++)
        {
            if (alternate[i] != other[i])
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = default(HashCode);
        foreach (byte b in alternate)
        {
            hash.Add(b);
        }

        return hash.ToHashCode();
    }

    public string Create(ReadOnlySpan<byte> alternate) => Encoding.ASCII.GetString(alternate);
}
