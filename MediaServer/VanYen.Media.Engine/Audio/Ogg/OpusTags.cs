using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>The Ogg Opus comment header, "OpusTags" (RFC 7845 §5.2): a vendor string and NAME=value comments.</summary>
public sealed class OpusTags
{
    /// <summary>The vendor string this engine writes.</summary>
    public const string DefaultVendor = "VanYen.Media";

    private static ReadOnlySpan<byte> Magic => "OpusTags"u8;

    /// <summary>Creates a comment header.</summary>
    /// <exception cref="ArgumentException">A comment name is empty or has characters RFC 7845 §5.2 forbids (outside 0x20..0x7D, or '=').</exception>
    public OpusTags(string vendor = DefaultVendor, IEnumerable<KeyValuePair<string, string>>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        Vendor = vendor;
        var list = new List<KeyValuePair<string, string>>();
        if (comments is not null)
        {
            foreach (KeyValuePair<string, string> comment in comments)
            {
                if (!IsValidName(comment.Key))
                {
                    throw new ArgumentException($"Invalid comment name \"{comment.Key}\": use ASCII 0x20..0x7D without '='.", nameof(comments));
                }

                list.Add(new KeyValuePair<string, string>(comment.Key, comment.Value ?? string.Empty));
            }
        }

        Comments = list;
    }

    private OpusTags(string vendor, List<KeyValuePair<string, string>> parsedComments)
    {
        Vendor = vendor;
        Comments = parsedComments;
    }

    /// <summary>The encoder's vendor string.</summary>
    public string Vendor { get; }

    /// <summary>User comments in order, e.g. TITLE / ARTIST.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Comments { get; }

    /// <summary>Bytes <see cref="Write"/> produces.</summary>
    public int Length
    {
        get
        {
            int length = Magic.Length + 4 + Encoding.UTF8.GetByteCount(Vendor) + 4;
            foreach (KeyValuePair<string, string> comment in Comments)
            {
                length += 4 + Encoding.UTF8.GetByteCount(comment.Key) + 1 + Encoding.UTF8.GetByteCount(comment.Value);
            }

            return length;
        }
    }

    /// <summary>Returns the first value of the comment <paramref name="name"/> (names compare case-insensitively), or null.</summary>
    public string? GetComment(string name)
    {
        foreach (KeyValuePair<string, string> comment in Comments)
        {
            if (string.Equals(comment.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return comment.Value;
            }
        }

        return null;
    }

    /// <summary>Parses an OpusTags packet.</summary>
    /// <exception cref="InvalidDataException">The packet is not a valid OpusTags; the message says why.</exception>
    public static OpusTags Parse(ReadOnlySpan<byte> packet)
    {
        if (!TryParse(packet, out OpusTags? tags, out string? error))
        {
            throw new InvalidDataException(error);
        }

        return tags;
    }

    /// <summary>Parses an OpusTags packet; false (with a reason) when it is malformed. Never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, [NotNullWhen(true)] out OpusTags? tags, [NotNullWhen(false)] out string? error)
    {
        tags = null;
        if (packet.Length < Magic.Length || !packet[..Magic.Length].SequenceEqual(Magic))
        {
            error = "The second packet is not an Opus comment header (magic \"OpusTags\" missing).";
            return false;
        }

        ReadOnlySpan<byte> rest = packet[Magic.Length..];
        if (!TryReadString(ref rest, out string? vendor))
        {
            error = "The OpusTags vendor string is truncated.";
            return false;
        }

        if (rest.Length < 4)
        {
            error = "The OpusTags comment count is missing.";
            return false;
        }

        uint count = BinaryPrimitives.ReadUInt32LittleEndian(rest);
        rest = rest[4..];
        // Each comment takes at least its 4-byte length, so a larger count is a lie.
        if (count > (uint)rest.Length / 4)
        {
            error = $"The OpusTags declares {count} comments, more than its {rest.Length} remaining bytes can hold.";
            return false;
        }

        var comments = new List<KeyValuePair<string, string>>((int)count);
        for (uint index = 0; index < count; index++)
        {
            if (!TryReadString(ref rest, out string? comment))
            {
                error = $"OpusTags comment {index} is truncated.";
                return false;
            }

            int separator = comment.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                comments.Add(new KeyValuePair<string, string>(comment[..separator], comment[(separator + 1)..]));
            }
        }

        // A file's names are kept as found, even ones this writer would refuse.
        tags = new OpusTags(vendor, comments);
        error = null;
        return true;
    }

    /// <summary>Writes the header packet into <paramref name="destination"/> and returns its length (<see cref="Length"/>).</summary>
    public int Write(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("The destination is too small for the OpusTags.", nameof(destination));
        }

        Magic.CopyTo(destination);
        int offset = Magic.Length;
        offset += WriteString(destination[offset..], Vendor);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[offset..], (uint)Comments.Count);
        offset += 4;
        foreach (KeyValuePair<string, string> comment in Comments)
        {
            int length = Encoding.UTF8.GetBytes(comment.Key, destination[(offset + 4)..]);
            destination[offset + 4 + length] = (byte)'=';
            length += 1;
            length += Encoding.UTF8.GetBytes(comment.Value, destination[(offset + 4 + length)..]);
            BinaryPrimitives.WriteUInt32LittleEndian(destination[offset..], (uint)length);
            offset += 4 + length;
        }

        return offset;
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        int length = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)length);
        return 4 + length;
    }

    private static bool TryReadString(ref ReadOnlySpan<byte> data, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (data.Length < 4)
        {
            return false;
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (length > (uint)(data.Length - 4))
        {
            return false;
        }

        value = Encoding.UTF8.GetString(data.Slice(4, (int)length));
        data = data[(4 + (int)length)..];
        return true;
    }

    private static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (char character in name)
        {
            if (character < 0x20 || character > 0x7D || character == '=')
            {
                return false;
            }
        }

        return true;
    }
}
