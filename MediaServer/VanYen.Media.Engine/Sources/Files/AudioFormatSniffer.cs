namespace VanYen.Media.Engine.Sources.Files;

/// <summary>
/// Names the container the first bytes of a file look like, so that a decode error can say what the
/// input seemed to be ("looks like MP4/M4A") without running ffprobe. Only a hint: ffmpeg decides.
/// </summary>
public static class AudioFormatSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeaderLength = 16;

    /// <summary>The container's name, or null when the bytes match none of the common audio formats.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("#!AMR-WB\n"u8))
        {
            return "AMR-WB";
        }

        if (header.StartsWith("#!AMR\n"u8))
        {
            return "AMR-NB";
        }

        if (header.StartsWith("ID3"u8))
        {
            return "MP3 (ID3)";
        }

        if (header.StartsWith("OggS"u8))
        {
            return "Ogg";
        }

        if (header.StartsWith("fLaC"u8))
        {
            return "FLAC";
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return "WAV";
        }

        if (header.Length >= 12 && header.StartsWith("FORM"u8) && (header.Slice(8, 4).SequenceEqual("AIFF"u8) || header.Slice(8, 4).SequenceEqual("AIFC"u8)))
        {
            return "AIFF";
        }

        if (header.Length >= 8 && header.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return "MP4/M4A";
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return "Matroska/WebM";
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x30, 0x26, 0xB2, 0x75]))
        {
            return "ASF/WMA";
        }

        if (header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xF6) == 0xF0)
        {
            // ISO 14496-3 ADTS: 12-bit sync, then layer bits 00.
            return "AAC (ADTS)";
        }

        if (header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0)
        {
            // ISO 11172-3 frame sync: 11 set bits.
            return "MP3";
        }

        return null;
    }
}
