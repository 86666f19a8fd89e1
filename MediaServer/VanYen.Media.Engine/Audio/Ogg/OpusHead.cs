using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>The Ogg Opus identification header, "OpusHead" (RFC 7845 §5.1).</summary>
public sealed class OpusHead
{
    /// <summary>Length of an OpusHead with channel mapping family 0.</summary>
    public const int Family0Length = 19;

    /// <summary>Pre-skip libopus needs at 48 kHz with its default settings (its encoder lookahead).</summary>
    public const int DefaultPreSkip = 312;

    private static ReadOnlySpan<byte> Magic => "OpusHead"u8;

    private readonly byte[] _channelMapping;

    /// <summary>Creates a family-0 header (mono or stereo, RFC 7845 §5.1.1.1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The channel count is not 1 or 2, or the pre-skip is out of range.</exception>
    public OpusHead(int channelCount, int preSkip = DefaultPreSkip, uint inputSampleRate = 48000, short outputGain = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channelCount, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(preSkip);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(preSkip, ushort.MaxValue);
        Version = 1;
        ChannelCount = channelCount;
        PreSkip = preSkip;
        InputSampleRate = inputSampleRate;
        OutputGain = outputGain;
        ChannelMappingFamily = 0;
        StreamCount = 1;
        CoupledStreamCount = channelCount - 1;
        _channelMapping = [];
    }

    private OpusHead(
        byte version,
        int channelCount,
        int preSkip,
        uint inputSampleRate,
        short outputGain,
        byte family,
        int streamCount,
        int coupledStreamCount,
        byte[] channelMapping)
    {
        Version = version;
        ChannelCount = channelCount;
        PreSkip = preSkip;
        InputSampleRate = inputSampleRate;
        OutputGain = outputGain;
        ChannelMappingFamily = family;
        StreamCount = streamCount;
        CoupledStreamCount = coupledStreamCount;
        _channelMapping = channelMapping;
    }

    /// <summary>Encapsulation version; 1 for RFC 7845 (any 0..15 is compatible).</summary>
    public byte Version { get; }

    /// <summary>Output channel count.</summary>
    public int ChannelCount { get; }

    /// <summary>48 kHz samples to discard from the start of the decoded output.</summary>
    public int PreSkip { get; }

    /// <summary>Sample rate of the original input, for information only (0 when unknown).</summary>
    public uint InputSampleRate { get; }

    /// <summary>Gain to apply on output, in Q7.8 dB (256 = +1 dB).</summary>
    public short OutputGain { get; }

    /// <summary>Channel mapping family: 0 is mono/stereo with no mapping table.</summary>
    public byte ChannelMappingFamily { get; }

    /// <summary>Opus streams in each packet (1 for family 0).</summary>
    public int StreamCount { get; }

    /// <summary>How many of those streams are coupled stereo pairs.</summary>
    public int CoupledStreamCount { get; }

    /// <summary>The channel mapping table (empty for family 0).</summary>
    public ReadOnlySpan<byte> ChannelMapping => _channelMapping;

    /// <summary>Bytes <see cref="Write"/> produces.</summary>
    public int Length => ChannelMappingFamily == 0 ? Family0Length : Family0Length + 2 + ChannelCount;

    /// <summary>Parses an OpusHead packet.</summary>
    /// <exception cref="InvalidDataException">The packet is not a valid OpusHead; the message says why.</exception>
    public static OpusHead Parse(ReadOnlySpan<byte> packet)
    {
        if (!TryParse(packet, out OpusHead? head, out string? error))
        {
            throw new InvalidDataException(error);
        }

        return head;
    }

    /// <summary>Parses an OpusHead packet; false (with a reason) when it is malformed. Never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, [NotNullWhen(true)] out OpusHead? head, [NotNullWhen(false)] out string? error)
    {
        head = null;
        if (packet.Length < Magic.Length || !packet[..Magic.Length].SequenceEqual(Magic))
        {
            error = "The first packet is not an Opus identification header (magic \"OpusHead\" missing).";
            return false;
        }

        if (packet.Length < Family0Length)
        {
            error = $"The OpusHead is {packet.Length} bytes, shorter than the {Family0Length} bytes RFC 7845 §5.1 requires.";
            return false;
        }

        byte version = packet[8];
        if ((version & 0xF0) != 0)
        {
            error = $"Unsupported OpusHead version {version} (RFC 7845 §5.1: major version must be 0).";
            return false;
        }

        int channelCount = packet[9];
        if (channelCount == 0)
        {
            error = "The OpusHead declares 0 output channels.";
            return false;
        }

        int preSkip = BinaryPrimitives.ReadUInt16LittleEndian(packet[10..]);
        uint inputSampleRate = BinaryPrimitives.ReadUInt32LittleEndian(packet[12..]);
        short outputGain = BinaryPrimitives.ReadInt16LittleEndian(packet[16..]);
        byte family = packet[18];
        if (family == 0)
        {
            if (channelCount > 2)
            {
                error = $"Channel mapping family 0 allows 1 or 2 channels, the OpusHead declares {channelCount}.";
                return false;
            }

            head = new OpusHead(version, channelCount, preSkip, inputSampleRate, outputGain, family, 1, channelCount - 1, []);
            error = null;
            return true;
        }

        if (packet.Length < Family0Length + 2 + channelCount)
        {
            error = $"The OpusHead channel mapping table (family {family}) is truncated.";
            return false;
        }

        int streamCount = packet[19];
        int coupledStreamCount = packet[20];
        if (streamCount == 0 || coupledStreamCount > streamCount)
        {
            error = $"The OpusHead declares {streamCount} streams with {coupledStreamCount} coupled (RFC 7845 §5.1.1).";
            return false;
        }

        byte[] mapping = packet.Slice(21, channelCount).ToArray();
        head = new OpusHead(version, channelCount, preSkip, inputSampleRate, outputGain, family, streamCount, coupledStreamCount, mapping);
        error = null;
        return true;
    }

    /// <summary>Writes the header packet into <paramref name="destination"/> and returns its length (<see cref="Length"/>).</summary>
    public int Write(Span<byte> destination)
    {
        int length = Length;
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too small for the OpusHead.", nameof(destination));
        }

        Magic.CopyTo(destination);
        destination[8] = Version;
        destination[9] = (byte)ChannelCount;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], (ushort)PreSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], InputSampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(destination[16..], OutputGain);
        destination[18] = ChannelMappingFamily;
        if (ChannelMappingFamily != 0)
        {
            destination[19] = (byte)StreamCount;
            destination[20] = (byte)CoupledStreamCount;
            _channelMapping.CopyTo(destination[21..]);
        }

        return length;
    }
}
