using VanYen.Media.Engine.Audio.Codec;

namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>
/// Reads the duration of an Opus packet from its TOC byte (RFC 6716 §3.1), in 48 kHz samples,
/// which is what Ogg Opus granule positions count (RFC 7845 §4). Unlike
/// <see cref="OpusPacketHeader.TryParse"/> it does not check the frame lengths: a
/// container only needs the duration, and must carry whatever the encoder produced.
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

        int total = frameCount * OpusPacketHeader.SamplesPerFrameOf(toc);
        if (frameCount == 0 || total > MaxSampleCount)
        {
            return false;
        }

        sampleCount = total;
        return true;
    }
}
