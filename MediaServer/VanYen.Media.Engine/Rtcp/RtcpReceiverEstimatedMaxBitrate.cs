using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>
/// A REMB (PSFB, FMT 15, "REMB" identifier, draft-alvestrand-rmcat-remb-03 §2.2): the receiver's estimate of
/// the total bitrate it can take for the listed SSRCs, as an 18-bit mantissa shifted by a 6-bit exponent.
/// </summary>
public readonly ref struct RtcpReceiverEstimatedMaxBitrate
{
    /// <summary>The PSFB format of application-layer feedback.</summary>
    public const int Format = 15;

    /// <summary>"REMB" in ASCII, big-endian.</summary>
    private const uint Identifier = 0x52454D42;

    private const int FixedFciLength = 8;
    private const int MaxMantissa = (1 << 18) - 1;

    private readonly ReadOnlySpan<byte> _ssrcs;

    private RtcpReceiverEstimatedMaxBitrate(uint senderSsrc, ulong bitrate, ReadOnlySpan<byte> ssrcs)
    {
        SenderSsrc = senderSsrc;
        Bitrate = bitrate;
        _ssrcs = ssrcs;
    }

    /// <summary>SSRC of the packet's sender.</summary>
    public uint SenderSsrc { get; }

    /// <summary>The estimate in bits per second (saturates at ulong.MaxValue for absurd exponents).</summary>
    public ulong Bitrate { get; }

    /// <summary>Number of SSRCs the estimate covers.</summary>
    public int SsrcCount => _ssrcs.Length / 4;

    /// <summary>Returns SSRC <paramref name="index"/> (0 to <see cref="SsrcCount"/> - 1).</summary>
    public uint GetSsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)SsrcCount, nameof(index));
        return BinaryPrimitives.ReadUInt32BigEndian(_ssrcs.Slice(4 * index));
    }

    /// <summary>Reads a REMB; false unless PSFB FMT 15 with the "REMB" identifier and room for the SSRCs it counts.</summary>
    public static bool TryParse(in RtcpPacket packet, out RtcpReceiverEstimatedMaxBitrate remb)
    {
        remb = default;
        if (!RtcpFeedback.TryRead(packet, RtcpPacketType.PayloadSpecificFeedback, Format, out uint sender, out _, out ReadOnlySpan<byte> fci)
            || fci.Length < FixedFciLength
            || BinaryPrimitives.ReadUInt32BigEndian(fci) != Identifier)
        {
            return false;
        }

        uint word = BinaryPrimitives.ReadUInt32BigEndian(fci.Slice(4));
        int ssrcCount = (int)(word >> 24);
        int exponent = (int)((word >> 18) & 0x3F);
        ulong mantissa = word & MaxMantissa;
        if (fci.Length - FixedFciLength < 4 * ssrcCount)
        {
            return false;
        }

        ulong bitrate = mantissa > (ulong.MaxValue >> exponent) ? ulong.MaxValue : mantissa << exponent;
        remb = new RtcpReceiverEstimatedMaxBitrate(sender, bitrate, fci.Slice(FixedFciLength, 4 * ssrcCount));
        return true;
    }

    /// <summary>Bytes a REMB covering <paramref name="ssrcCount"/> SSRCs takes.</summary>
    public static int GetLength(int ssrcCount) => RtcpFeedback.FciOffset + FixedFciLength + (4 * ssrcCount);

    /// <summary>
    /// Writes a REMB (media source field 0) and returns its length. The bitrate is rounded down to what
    /// an 18-bit mantissa holds. Throws when there are over 255 SSRCs or <paramref name="destination"/> is too small.
    /// </summary>
    public static int Write(Span<byte> destination, uint senderSsrc, ulong bitrate, ReadOnlySpan<uint> ssrcs)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ssrcs.Length, 255, nameof(ssrcs));
        int length = GetLength(ssrcs.Length);
        RtcpHeader.EnsureCapacity(destination, length);
        RtcpFeedback.WriteHeader(destination, RtcpPacketType.PayloadSpecificFeedback, Format, length, senderSsrc, 0);

        int exponent = 0;
        while ((bitrate >> exponent) > MaxMantissa)
        {
            exponent++;
        }

        uint mantissa = (uint)(bitrate >> exponent);
        int offset = RtcpFeedback.FciOffset;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(offset), Identifier);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(offset + 4), ((uint)ssrcs.Length << 24) | ((uint)exponent << 18) | mantissa);
        offset += FixedFciLength;
        foreach (uint ssrc in ssrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(offset), ssrc);
            offset += 4;
        }

        return length;
    }
}
