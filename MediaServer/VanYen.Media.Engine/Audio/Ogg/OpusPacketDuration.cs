namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>
/// Reads the duration of an Opus packet from its TOC byte (RFC 6716 §3.1), in 48 kHz samples,
/// which is what Ogg Opus granule positions count (RFC 7845 §4).
/// </summary>
internal static class OpusPacketDuration
{
    /// <summary>Longest packet RFC 6716 §3.2.5 allows: 120 ms.</summary>
    public const int MaxSampleCount = 5760;

    /// <summary>Returns the samples per channel at 48 kHz of <paramref name="packet"/>, false when its TOC is malformed.</summary>
    public static bool TryGetSampleCount(ReadOnlySpan<byte> packet, out int sampleCount)
    {
        sampleCount = 0;
        if (packet.IsEmpty)
        {
            return false;
        }

        byte toc = packet[0];
        int frameCount;
        switch (toc & 0x3)
        {
            case 0:
                frameCount = 1;
                break;
            case 1:
            case 2:
                frameCount = 2;
                break;
            default:
                // RFC 6716 §3.2.5: code 3 carries the frame count in the low 6 bits of the next byte.
                if (packet.Length < 2)
                {
                    return false;
                }

                frameCount = packet[1] & 0x3F;
                break;
        }

        int total = frameCount * GetFrameSampleCount(toc);
        if (frameCount == 0 || total > MaxSampleCount)
        {
            return false;
        }

        sampleCount = total;
        return true;
    }

    /// <summary>Samples per channel at 48 kHz of one frame with this TOC byte (RFC 6716 §3.1, Table 2).</summary>
    public static int GetFrameSampleCount(byte toc)
    {
        int configuration = toc >> 3;
        if (configuration < 12)
        {
            // SILK-only: 10, 20, 40, 60 ms.
            return (configuration & 0x3) switch
            {
                0 => 480,
                1 => 960,
                2 => 1920,
                _ => 2880,
            };
        }

        if (configuration < 16)
        {
            // Hybrid: 10, 20 ms.
            return (configuration & 0x1) == 0 ? 480 : 960;
        }

        // CELT-only: 2.5, 5, 10, 20 ms.
        return 120 << (configuration & 0x3);
    }
}
