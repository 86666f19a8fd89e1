namespace VanYen.Media.Engine.Audio.Levels;

/// <summary>
/// Reads and writes the data of the RFC 6464 client-to-mixer audio level RTP
/// header extension element (<see cref="Uri"/>). The element's framing (ID and
/// length, RFC 8285) belongs to the RTP layer; this type sees only its data.
/// </summary>
/// <remarks>
/// RFC 6464 §3: the data is one byte, the V flag in the top bit and the level
/// (-dBov, 0..127) in the low seven bits, for both the one-byte and two-byte
/// header forms.
/// </remarks>
public static class AudioLevelExtension
{
    /// <summary>The extension's URI, as offered in SDP <c>a=extmap</c>.</summary>
    public const string Uri = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    /// <summary>Length of the element data, in bytes.</summary>
    public const int DataLength = 1;

    private const byte VoiceFlag = 0x80;
    private const byte LevelMask = 0x7F;

    /// <summary>
    /// Reads the element data. Returns false when it is not exactly one byte
    /// (RFC 6464 §3 defines no other length), so the caller can count it.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out AudioLevel level)
    {
        if (data.Length != DataLength)
        {
            level = default;
            return false;
        }

        byte value = data[0];
        level = new AudioLevel((byte)(value & LevelMask), (value & VoiceFlag) != 0);
        return true;
    }

    /// <summary>Writes the element data into <paramref name="destination"/> and returns its length (1), or 0 when it does not fit.</summary>
    public static int Write(AudioLevel level, Span<byte> destination)
    {
        if (destination.Length < DataLength)
        {
            return 0;
        }

        destination[0] = (byte)((level.Voice ? VoiceFlag : 0) | level.Level);
        return DataLength;
    }
}
