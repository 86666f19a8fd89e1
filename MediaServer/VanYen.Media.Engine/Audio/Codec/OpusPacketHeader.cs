namespace VanYen.Media.Engine.Audio.Codec;

/// <summary>
/// What an Opus packet says about itself without being decoded: its TOC byte
/// (RFC 6716 §3.1) and the number of frames it carries, after checking the
/// framing rules R1–R7 of RFC 6716 §3.4.
/// </summary>
public readonly struct OpusPacketHeader
{
    /// <summary>The longest a single compressed frame may be (RFC 6716 §3.4, R2).</summary>
    public const int MaxFrameLength = 1275;

    /// <summary>The longest audio one packet may carry, in samples per channel at 48 kHz: 120 ms (RFC 6716 §3.4, R5).</summary>
    public const int MaxSamplesPerPacketAt48Kilohertz = 5760;

    private OpusPacketHeader(byte toc, int frameCount)
    {
        Toc = toc;
        FrameCount = frameCount;
    }

    /// <summary>The table-of-contents byte: configuration (5 bits), stereo flag, frame count code (2 bits).</summary>
    public byte Toc { get; }

    /// <summary>The number of frames in the packet, 1 to 48.</summary>
    public int FrameCount { get; }

    /// <summary>The TOC configuration number, 0–31 (RFC 6716 §3.1, Table 2).</summary>
    public int Configuration => Toc >> 3;

    /// <summary>Whether the frames are coded as stereo.</summary>
    public bool IsStereo => (Toc & 0x04) != 0;

    /// <summary>The frame count code, 0–3 (RFC 6716 §3.2).</summary>
    public int FrameCountCode => Toc & 0x03;

    /// <summary>The coding mode.</summary>
    public OpusPacketMode Mode => ModeOf(Toc);

    /// <summary>The audio bandwidth.</summary>
    public OpusPacketBandwidth Bandwidth => Configuration switch
    {
        < 4 => OpusPacketBandwidth.Narrowband,
        < 8 => OpusPacketBandwidth.Mediumband,
        < 12 => OpusPacketBandwidth.Wideband,
        < 14 => OpusPacketBandwidth.SuperWideband,
        < 16 => OpusPacketBandwidth.Fullband,
        < 20 => OpusPacketBandwidth.Narrowband,
        < 24 => OpusPacketBandwidth.Wideband,
        < 28 => OpusPacketBandwidth.SuperWideband,
        _ => OpusPacketBandwidth.Fullband,
    };

    /// <summary>The duration of one frame in samples at 48 kHz (120 = 2.5 ms ... 2880 = 60 ms).</summary>
    public int SamplesPerFrameAt48Kilohertz => SamplesPerFrameOf(Toc);

    /// <summary>The duration of the whole packet in samples per channel at 48 kHz.</summary>
    public int SampleCountAt48Kilohertz => SamplesPerFrameAt48Kilohertz * FrameCount;

    /// <summary>The duration of the whole packet.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks(SampleCountAt48Kilohertz * TimeSpan.TicksPerSecond / 48_000);

    /// <summary>Whether the packet may carry in-band FEC for the previous one (SILK or hybrid mode, RFC 6716 §4.2.4).</summary>
    public bool MayCarryForwardErrorCorrection => Mode != OpusPacketMode.Celt;

    /// <summary>The number of samples per channel the packet decodes to at <paramref name="sampleRate"/> (8000, 12000, 16000, 24000 or 48000).</summary>
    public int GetSampleCount(int sampleRate) => SampleCountAt48Kilohertz / 120 * (sampleRate / 400);

    /// <summary>The coding mode a TOC byte announces.</summary>
    public static OpusPacketMode ModeOf(byte toc) => (toc >> 3) switch
    {
        < 12 => OpusPacketMode.Silk,
        < 16 => OpusPacketMode.Hybrid,
        _ => OpusPacketMode.Celt,
    };

    /// <summary>The frame duration a TOC byte announces, in samples at 48 kHz (RFC 6716 §3.1, Table 2).</summary>
    public static int SamplesPerFrameOf(byte toc)
    {
        int configuration = toc >> 3;
        int sizeIndex = configuration & 0x03;
        return configuration switch
        {
            // SILK-only: 10, 20, 40, 60 ms.
            < 12 => sizeIndex switch { 0 => 480, 1 => 960, 2 => 1920, _ => 2880 },
            // Hybrid: 10, 20 ms.
            < 16 => (configuration & 0x01) == 0 ? 480 : 960,
            // CELT-only: 2.5, 5, 10, 20 ms.
            _ => 120 << sizeIndex,
        };
    }

    /// <summary>
    /// Reads the TOC byte and frame count of <paramref name="packet"/> and checks that the
    /// frame lengths it declares fit the packet (RFC 6716 §3.2–3.4).
    /// </summary>
    /// <returns><see langword="false"/> for a malformed packet; never throws.</returns>
    public static bool TryParse(ReadOnlySpan<byte> packet, out OpusPacketHeader header)
    {
        header = default;

        // R1: at least one byte.
        if (packet.IsEmpty)
        {
            return false;
        }

        byte toc = packet[0];
        int frameCount;
        switch (toc & 0x03)
        {
            case 0:
                // §3.2.2: one frame filling the rest; R2.
                if (packet.Length - 1 > MaxFrameLength)
                {
                    return false;
                }

                frameCount = 1;
                break;

            case 1:
                // §3.2.3: two equal frames; R3 (odd remainder is invalid) and R2.
                int remainder = packet.Length - 1;
                if ((remainder & 1) != 0 || remainder / 2 > MaxFrameLength)
                {
                    return false;
                }

                frameCount = 2;
                break;

            case 2:
                // §3.2.4: first frame's length is coded, the second fills the rest; R4 and R2.
                if (!TryReadFrameLength(packet[1..], out int firstLength, out int lengthBytes))
                {
                    return false;
                }

                int secondLength = packet.Length - 1 - lengthBytes - firstLength;
                if (secondLength < 0 || secondLength > MaxFrameLength)
                {
                    return false;
                }

                frameCount = 2;
                break;

            default:
                if (!TryCheckArbitraryFrames(packet, out frameCount))
                {
                    return false;
                }

                break;
        }

        header = new OpusPacketHeader(toc, frameCount);
        return true;
    }

    /// <summary>Reads the number of samples per channel <paramref name="packet"/> decodes to at <paramref name="sampleRate"/>.</summary>
    /// <returns><see langword="false"/> for a malformed packet; never throws.</returns>
    public static bool TryGetSampleCount(ReadOnlySpan<byte> packet, int sampleRate, out int samplesPerChannel)
    {
        if (TryParse(packet, out OpusPacketHeader header))
        {
            samplesPerChannel = header.GetSampleCount(sampleRate);
            return true;
        }

        samplesPerChannel = 0;
        return false;
    }

    /// <summary>Checks a code 3 packet (RFC 6716 §3.2.5): frame count byte, padding, CBR or VBR lengths.</summary>
    private static bool TryCheckArbitraryFrames(ReadOnlySpan<byte> packet, out int frameCount)
    {
        frameCount = 0;
        if (packet.Length < 2)
        {
            return false;
        }

        byte countByte = packet[1];
        bool variableBitrate = (countByte & 0x80) != 0;
        bool padded = (countByte & 0x40) != 0;
        int count = countByte & 0x3F;

        // R5: at least one frame and at most 120 ms of audio.
        if (count == 0 || count * SamplesPerFrameOf(packet[0]) > MaxSamplesPerPacketAt48Kilohertz)
        {
            return false;
        }

        int position = 2;
        int paddingLength = 0;
        if (padded)
        {
            // §3.2.5: each 255 adds 254 bytes of padding and says another length byte follows.
            while (true)
            {
                if (position >= packet.Length)
                {
                    return false;
                }

                byte value = packet[position++];
                if (value == 255)
                {
                    paddingLength += 254;
                }
                else
                {
                    paddingLength += value;
                    break;
                }
            }
        }

        int available = packet.Length - position - paddingLength;
        if (available < 0)
        {
            return false;
        }

        if (!variableBitrate)
        {
            // R6: the remaining bytes split evenly into frames of at most 1275 bytes.
            if (available % count != 0 || available / count > MaxFrameLength)
            {
                return false;
            }

            frameCount = count;
            return true;
        }

        // R7: M-1 coded lengths, the last frame takes what is left.
        for (int frame = 0; frame < count - 1; frame++)
        {
            if (!TryReadFrameLength(packet[position..], out int length, out int lengthBytes))
            {
                return false;
            }

            position += lengthBytes;
            available -= lengthBytes + length;
            if (available < 0)
            {
                return false;
            }
        }

        if (available > MaxFrameLength)
        {
            return false;
        }

        frameCount = count;
        return true;
    }

    /// <summary>Reads a one- or two-byte frame length (RFC 6716 §3.2.1).</summary>
    private static bool TryReadFrameLength(ReadOnlySpan<byte> data, out int length, out int lengthBytes)
    {
        length = 0;
        lengthBytes = 0;
        if (data.IsEmpty)
        {
            return false;
        }

        byte first = data[0];
        if (first < 252)
        {
            length = first;
            lengthBytes = 1;
            return true;
        }

        if (data.Length < 2)
        {
            return false;
        }

        length = (4 * data[1]) + first;
        lengthBytes = 2;
        return true;
    }
}
