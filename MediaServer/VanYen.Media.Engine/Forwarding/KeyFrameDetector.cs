namespace VanYen.Media.Engine.Forwarding;

/// <summary>
/// Whether an RTP payload is the first packet of a key frame, so that a subscriber's decoder starts (or restarts
/// after a publisher change) on a picture it can decode. Reads only the payload headers; no allocation.
/// </summary>
internal static class KeyFrameDetector
{
    private const int H264NalTypeMask = 0x1F;
    private const int H264Idr = 5;
    private const int H264Sps = 7;
    private const int H264StapA = 24;
    private const int H264FuA = 28;

    /// <summary>True when <paramref name="payload"/> starts a key frame of <paramref name="codec"/>.</summary>
    public static bool IsKeyFrameStart(VideoCodecKind codec, ReadOnlySpan<byte> payload) => codec switch
    {
        VideoCodecKind.Vp8 => IsVp8KeyFrameStart(payload),
        VideoCodecKind.H264 => IsH264KeyFrameStart(payload),
        _ => false,
    };

    /// <summary>
    /// VP8 (RFC 7741 §4.2, §4.3): the payload descriptor (X, S, PID; then I/L/T/K extensions), then on the first
    /// packet of a frame (S = 1, PID = 0) the VP8 payload header, whose lowest bit P is 0 for a key frame.
    /// </summary>
    public static bool IsVp8KeyFrameStart(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2)
        {
            return false;
        }

        byte descriptor = payload[0];
        bool startOfPartition = (descriptor & 0x10) != 0;
        int partitionIndex = descriptor & 0x07;
        if (!startOfPartition || partitionIndex != 0)
        {
            return false;
        }

        int offset = 1;
        if ((descriptor & 0x80) != 0)
        {
            byte extension = payload[offset++];
            if ((extension & 0x80) != 0 && offset < payload.Length)
            {
                // PictureID: 7 bits, or 15 with the M bit.
                offset += (payload[offset] & 0x80) != 0 ? 2 : 1;
            }

            if ((extension & 0x40) != 0)
            {
                offset++; // TL0PICIDX
            }

            if ((extension & 0x30) != 0)
            {
                offset++; // TID / Y / KEYIDX
            }
        }

        return offset < payload.Length && (payload[offset] & 0x01) == 0;
    }

    /// <summary>
    /// H.264 (RFC 6184 §5.6–5.8): a single NAL unit that is an IDR slice or an SPS, a STAP-A holding one, or the
    /// first fragment (S bit) of an FU-A of one.
    /// </summary>
    public static bool IsH264KeyFrameStart(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return false;
        }

        int type = payload[0] & H264NalTypeMask;
        switch (type)
        {
            case H264Idr or H264Sps:
                return true;
            case H264StapA:
                int offset = 1;
                while (offset + 2 < payload.Length)
                {
                    int size = (payload[offset] << 8) | payload[offset + 1];
                    offset += 2;
                    if (size == 0 || offset + size > payload.Length)
                    {
                        return false;
                    }

                    int inner = payload[offset] & H264NalTypeMask;
                    if (inner is H264Idr or H264Sps)
                    {
                        return true;
                    }

                    offset += size;
                }

                return false;
            case H264FuA:
                return payload.Length >= 2 && (payload[1] & 0x80) != 0 && (payload[1] & H264NalTypeMask) is H264Idr or H264Sps;
            default:
                return false;
        }
    }
}
