using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1), 24 bytes on the wire.</summary>
public readonly record struct RtcpReportBlock
{
    /// <summary>Bytes on the wire.</summary>
    public const int Length = 24;

    /// <summary>Smallest cumulative loss a 24-bit signed field holds.</summary>
    public const int MinCumulativeLost = -0x80_0000;

    /// <summary>Largest cumulative loss a 24-bit signed field holds.</summary>
    public const int MaxCumulativeLost = 0x7F_FFFF;

    /// <summary>Creates a block; <paramref name="cumulativeLost"/> is clamped to 24 bits signed.</summary>
    public RtcpReportBlock(uint ssrc, byte fractionLost, int cumulativeLost, uint extendedHighestSequenceNumber, uint jitter, uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        Ssrc = ssrc;
        FractionLost = fractionLost;
        CumulativeLost = Math.Clamp(cumulativeLost, MinCumulativeLost, MaxCumulativeLost);
        ExtendedHighestSequenceNumber = extendedHighestSequenceNumber;
        Jitter = jitter;
        LastSenderReport = lastSenderReport;
        DelaySinceLastSenderReport = delaySinceLastSenderReport;
    }

    /// <summary>SSRC of the source this block reports on.</summary>
    public uint Ssrc { get; }

    /// <summary>Fraction of packets lost since the previous report, in 1/256 (RFC 3550 A.3).</summary>
    public byte FractionLost { get; }

    /// <summary>Cumulative number of packets lost, 24-bit signed (negative with duplicates).</summary>
    public int CumulativeLost { get; }

    /// <summary>Cycles in the high 16 bits, highest sequence number received in the low 16.</summary>
    public uint ExtendedHighestSequenceNumber { get; }

    /// <summary>Interarrival jitter in timestamp units (RFC 3550 A.8).</summary>
    public uint Jitter { get; }

    /// <summary>LSR: compact NTP timestamp of the last SR received from the source, 0 if none.</summary>
    public uint LastSenderReport { get; }

    /// <summary>DLSR: delay since that SR was received, in 1/65536 s, 0 if none.</summary>
    public uint DelaySinceLastSenderReport { get; }

    /// <summary>Reads a block from the first 24 bytes of <paramref name="source"/> (which must hold them).</summary>
    public static RtcpReportBlock Read(ReadOnlySpan<byte> source)
    {
        source = source.Slice(0, Length);
        uint lossWord = BinaryPrimitives.ReadUInt32BigEndian(source.Slice(4));
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(source),
            (byte)(lossWord >> 24),
            (int)(lossWord << 8) >> 8,
            BinaryPrimitives.ReadUInt32BigEndian(source.Slice(8)),
            BinaryPrimitives.ReadUInt32BigEndian(source.Slice(12)),
            BinaryPrimitives.ReadUInt32BigEndian(source.Slice(16)),
            BinaryPrimitives.ReadUInt32BigEndian(source.Slice(20)));
    }

    /// <summary>Writes the 24-byte block and returns 24.</summary>
    public int WriteTo(Span<byte> destination)
    {
        RtcpHeader.EnsureCapacity(destination, Length);
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ((uint)FractionLost << 24) | ((uint)CumulativeLost & 0xFF_FFFF));
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), ExtendedHighestSequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(12), Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16), LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(20), DelaySinceLastSenderReport);
        return Length;
    }

    /// <summary>
    /// Round-trip time to the reporting receiver (RFC 3550 §6.4.1): arrival − LSR − DLSR, all in compact
    /// NTP units. False when no SR was reported (LSR 0) or the result is negative (clock trouble).
    /// </summary>
    /// <param name="arrivalCompact">Compact NTP time at which this block's packet arrived.</param>
    /// <param name="roundTripTime">The round-trip time.</param>
    public bool TryGetRoundTripTime(uint arrivalCompact, out TimeSpan roundTripTime)
    {
        roundTripTime = TimeSpan.Zero;
        if (LastSenderReport == 0)
        {
            return false;
        }

        // Modulo 2^32 arithmetic: the compact clock wraps every 18 hours.
        uint roundTrip = arrivalCompact - LastSenderReport - DelaySinceLastSenderReport;
        if ((int)roundTrip < 0)
        {
            return false;
        }

        roundTripTime = NtpTimestamp.CompactToDuration(roundTrip);
        return true;
    }

    /// <summary>Round-trip time given the full NTP arrival time of the report.</summary>
    public bool TryGetRoundTripTime(NtpTimestamp arrival, out TimeSpan roundTripTime) =>
        TryGetRoundTripTime(arrival.Compact, out roundTripTime);
}
