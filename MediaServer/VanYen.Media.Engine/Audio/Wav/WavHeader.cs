using System.Buffers.Binary;

namespace VanYen.Media.Engine.Audio.Wav;

/// <summary>
/// The part of a RIFF/WAVE file before the samples: the "fmt " chunk and where the "data" chunk starts.
/// Reads PCM (8/16/24/32-bit), IEEE float (32/64-bit) and WAVE_FORMAT_EXTENSIBLE wrapping either.
/// </summary>
/// <remarks>
/// Streaming writers cannot seek back to fix the lengths: espeak-ng and sox write 0x7FFFF000-ish,
/// ffmpeg writes 0xFFFFFFFF, some write 0. <see cref="IsDataLengthUnknown"/> says so; a reader then
/// takes samples until the end of the stream. The RIFF size is never trusted.
/// </remarks>
public readonly struct WavHeader
{
    /// <summary>Length of the canonical 44-byte header that <see cref="WritePcm16"/> writes.</summary>
    public const int CanonicalLength = 44;

    /// <summary>The "data" chunk must start within this many bytes; a header that runs past it is refused.</summary>
    public const int MaxHeaderLength = 64 * 1024;

    /// <summary>WAVE_FORMAT_PCM: integer samples.</summary>
    public const ushort PcmFormatTag = 1;

    /// <summary>WAVE_FORMAT_IEEE_FLOAT: 32- or 64-bit float samples.</summary>
    public const ushort IeeeFloatFormatTag = 3;

    /// <summary>WAVE_FORMAT_EXTENSIBLE: the real tag is in the first two bytes of the sub-format GUID.</summary>
    public const ushort ExtensibleFormatTag = 0xFFFE;

    // Declared lengths at or above this are placeholders of streaming writers, not sizes.
    private const uint StreamingLengthThreshold = 0x7FFF_F000;

    private WavHeader(ushort formatTag, int channelCount, int sampleRate, int bitsPerSample, int blockAlign, int dataOffset, uint declaredDataLength)
    {
        FormatTag = formatTag;
        ChannelCount = channelCount;
        SampleRate = sampleRate;
        BitsPerSample = bitsPerSample;
        BlockAlign = blockAlign;
        DataOffset = dataOffset;
        DeclaredDataLength = declaredDataLength;
    }

    /// <summary><see cref="PcmFormatTag"/> or <see cref="IeeeFloatFormatTag"/> (an extensible header is resolved to its sub-format).</summary>
    public ushort FormatTag { get; }

    /// <summary>Interleaved channels, 1 to 8.</summary>
    public int ChannelCount { get; }

    /// <summary>Samples per second per channel.</summary>
    public int SampleRate { get; }

    /// <summary>Bits per sample: 8, 16, 24 or 32 for PCM; 32 or 64 for float.</summary>
    public int BitsPerSample { get; }

    /// <summary>Bytes per sample frame (all channels).</summary>
    public int BlockAlign { get; }

    /// <summary>Offset of the first sample byte from the start of the file.</summary>
    public int DataOffset { get; }

    /// <summary>The "data" chunk length as written, which streaming writers leave wrong (see <see cref="IsDataLengthUnknown"/>).</summary>
    public uint DeclaredDataLength { get; }

    /// <summary>True when <see cref="DeclaredDataLength"/> is a streaming placeholder (0, 0x7FFFF000 and above): read to the end.</summary>
    public bool IsDataLengthUnknown => DeclaredDataLength == 0 || DeclaredDataLength >= StreamingLengthThreshold;

    /// <summary>True for 16-bit integer PCM, the engine's own sample format.</summary>
    public bool IsPcm16 => FormatTag == PcmFormatTag && BitsPerSample == 16;

    /// <summary>Parses a complete header at the start of <paramref name="data"/>; false for anything else, never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out WavHeader header) =>
        Read(data, out header) == WavHeaderStatus.Complete;

    /// <summary>
    /// Reads the header at the start of <paramref name="data"/>, telling a header that needs more bytes
    /// (<see cref="WavHeaderStatus.Incomplete"/>) from one that never will be valid. Never throws.
    /// </summary>
    public static WavHeaderStatus Read(ReadOnlySpan<byte> data, out WavHeader header)
    {
        header = default;
        if (!StartsLikeRiffWave(data))
        {
            return WavHeaderStatus.Invalid;
        }

        if (data.Length < 12)
        {
            return WavHeaderStatus.Incomplete;
        }

        long offset = 12;
        bool haveFormat = false;
        ushort formatTag = 0;
        int channels = 0;
        int sampleRate = 0;
        int bits = 0;
        int blockAlign = 0;
        while (offset <= MaxHeaderLength)
        {
            if (data.Length - offset < 8)
            {
                return WavHeaderStatus.Incomplete;
            }

            ReadOnlySpan<byte> chunk = data[(int)offset..];
            uint chunkId = BinaryPrimitives.ReadUInt32BigEndian(chunk);
            uint chunkLength = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunkId == 0x666D7420)
            {
                // "fmt ": 16 bytes for PCM, 18 or 40 (extensible) for others; anything huge is hostile.
                if (chunkLength < 16 || chunkLength > 1024)
                {
                    return WavHeaderStatus.Invalid;
                }

                if (chunk.Length < 8 + chunkLength)
                {
                    return WavHeaderStatus.Incomplete;
                }

                if (!TryReadFormat(chunk.Slice(8, (int)chunkLength), out formatTag, out channels, out sampleRate, out bits, out blockAlign))
                {
                    return WavHeaderStatus.Invalid;
                }

                haveFormat = true;
            }
            else if (chunkId == 0x64617461)
            {
                // "data" before "fmt " leaves the samples undescribed.
                if (!haveFormat)
                {
                    return WavHeaderStatus.Invalid;
                }

                header = new WavHeader(formatTag, channels, sampleRate, bits, blockAlign, (int)offset + 8, chunkLength);
                return WavHeaderStatus.Complete;
            }

            // Chunks are padded to an even length (RIFF).
            offset += 8L + chunkLength + (chunkLength & 1);
        }

        return WavHeaderStatus.Invalid;
    }

    /// <summary>
    /// Writes a canonical 44-byte header for 16-bit PCM into <paramref name="destination"/> and returns 44.
    /// </summary>
    /// <param name="destination">At least <see cref="CanonicalLength"/> bytes.</param>
    /// <param name="sampleRate">Samples per second per channel.</param>
    /// <param name="channelCount">1 to 8.</param>
    /// <param name="dataLength">Sample bytes that follow; <see cref="uint.MaxValue"/> when streaming an unknown length.</param>
    public static int WritePcm16(Span<byte> destination, int sampleRate, int channelCount, uint dataLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, CanonicalLength, nameof(destination));
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channelCount, 8);
        int blockAlign = channelCount * 2;
        uint riffLength = dataLength > uint.MaxValue - 36 ? uint.MaxValue : dataLength + 36;
        "RIFF"u8.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], riffLength);
        "WAVEfmt "u8.CopyTo(destination[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], PcmFormatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], (ushort)channelCount);
        BinaryPrimitives.WriteInt32LittleEndian(destination[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(destination[28..], sampleRate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[34..], 16);
        "data"u8.CopyTo(destination[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[40..], dataLength);
        return CanonicalLength;
    }

    private static bool StartsLikeRiffWave(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> riff = "RIFF"u8;
        ReadOnlySpan<byte> wave = "WAVE"u8;
        int riffLength = Math.Min(data.Length, 4);
        if (!data[..riffLength].SequenceEqual(riff[..riffLength]))
        {
            return false;
        }

        if (data.Length <= 8)
        {
            return true;
        }

        int waveLength = Math.Min(data.Length - 8, 4);
        return data.Slice(8, waveLength).SequenceEqual(wave[..waveLength]);
    }

    private static bool TryReadFormat(ReadOnlySpan<byte> format, out ushort formatTag, out int channels, out int sampleRate, out int bits, out int blockAlign)
    {
        formatTag = BinaryPrimitives.ReadUInt16LittleEndian(format);
        channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(format[4..]);
        blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(format[12..]);
        bits = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);
        sampleRate = rate > 768_000 ? 0 : (int)rate;
        if (formatTag == ExtensibleFormatTag)
        {
            // WAVEFORMATEXTENSIBLE: cbSize (2), valid bits (2), channel mask (4), then the sub-format GUID.
            if (format.Length < 40 || BinaryPrimitives.ReadUInt16LittleEndian(format[16..]) < 22)
            {
                return false;
            }

            formatTag = BinaryPrimitives.ReadUInt16LittleEndian(format[24..]);
        }

        bool bitsValid = formatTag switch
        {
            PcmFormatTag => bits is 8 or 16 or 24 or 32,
            IeeeFloatFormatTag => bits is 32 or 64,
            _ => false,
        };
        return bitsValid
            && channels is >= 1 and <= 8
            && sampleRate > 0
            && blockAlign == channels * bits / 8;
    }
}
