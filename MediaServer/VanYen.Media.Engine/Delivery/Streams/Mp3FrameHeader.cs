namespace VanYen.Media.Engine.Delivery.Streams;

/// <summary>
/// Just enough of the MPEG audio frame header (ISO/IEC 11172-3 §2.4.1.3, 13818-3) to find where a Layer III frame
/// starts in a byte stream: an MP3 listener joining mid-stream starts at a frame boundary.
/// </summary>
internal static class Mp3FrameHeader
{
    /// <summary>Bytes in a frame header.</summary>
    public const int Length = 4;

    // kbit/s by bitrate index for Layer III; index 0 ("free format") and 15 (forbidden) are refused.
    private static ReadOnlySpan<short> Mpeg1Bitrates => [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];

    private static ReadOnlySpan<short> Mpeg2Bitrates => [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

    /// <summary>The length in bytes of the Layer III frame whose header starts <paramref name="header"/>; false when it is not one.</summary>
    public static bool TryGetFrameLength(ReadOnlySpan<byte> header, out int frameLength)
    {
        frameLength = 0;
        // 11 sync bits set (0xFFE), then version (2 bits), layer (2 bits), protection (1 bit).
        if (header.Length < Length || header[0] != 0xFF || (header[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        int version = (header[1] >> 3) & 0x3;   // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
        int layer = (header[1] >> 1) & 0x3;     // 1: Layer III
        int bitrateIndex = header[2] >> 4;
        int sampleRateIndex = (header[2] >> 2) & 0x3;
        int padding = (header[2] >> 1) & 0x1;
        if (version == 1 || layer != 1 || bitrateIndex is 0 or 15 || sampleRateIndex == 3)
        {
            return false;
        }

        int sampleRate = sampleRateIndex switch { 0 => 44100, 1 => 48000, _ => 32000 };
        if (version != 3)
        {
            sampleRate /= version == 2 ? 2 : 4;
        }

        int bitrate = (version == 3 ? Mpeg1Bitrates[bitrateIndex] : Mpeg2Bitrates[bitrateIndex]) * 1000;
        // 1152 samples per MPEG-1 Layer III frame, 576 for MPEG-2/2.5: bytes = samples / 8 × bitrate / rate.
        frameLength = ((version == 3 ? 144 : 72) * bitrate / sampleRate) + padding;
        return true;
    }

    /// <summary>
    /// The offset of the first frame header in <paramref name="data"/> (confirmed by the next header when it is in
    /// <paramref name="data"/> too), or -1.
    /// </summary>
    public static int FindFrameStart(ReadOnlySpan<byte> data)
    {
        for (int i = 0; i + Length <= data.Length; i++)
        {
            if (data[i] != 0xFF || !TryGetFrameLength(data[i..], out int frameLength))
            {
                continue;
            }

            int next = i + frameLength;
            if (next + Length > data.Length || TryGetFrameLength(data[next..], out _))
            {
                return i;
            }
        }

        return -1;
    }
}
