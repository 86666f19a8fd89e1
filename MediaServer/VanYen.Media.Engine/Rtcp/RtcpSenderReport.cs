using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>An SR packet (RFC 3550 §6.4.1): sender info and up to 31 report blocks.</summary>
public readonly ref struct RtcpSenderReport
{
    /// <summary>SSRC of sender plus the 20-byte sender info.</summary>
    private const int FixedBodyLength = 24;

    private const int MaxReportBlocks = 31;

    private readonly ReadOnlySpan<byte> _body;

    private RtcpSenderReport(ReadOnlySpan<byte> body, int reportBlockCount)
    {
        _body = body;
        ReportBlockCount = reportBlockCount;
    }

    /// <summary>SSRC of the sender.</summary>
    public uint SenderSsrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    /// <summary>Wall-clock time at which the report was sent.</summary>
    public NtpTimestamp NtpTimestamp => new(BinaryPrimitives.ReadUInt64BigEndian(_body.Slice(4)));

    /// <summary>The same instant in the RTP timestamp units of the sender's stream.</summary>
    public uint RtpTimestamp => BinaryPrimitives.ReadUInt32BigEndian(_body.Slice(12));

    /// <summary>RTP packets sent since the start of transmission.</summary>
    public uint SenderPacketCount => BinaryPrimitives.ReadUInt32BigEndian(_body.Slice(16));

    /// <summary>Payload octets sent since the start of transmission.</summary>
    public uint SenderOctetCount => BinaryPrimitives.ReadUInt32BigEndian(_body.Slice(20));

    /// <summary>Number of report blocks.</summary>
    public int ReportBlockCount { get; }

    /// <summary>Profile-specific extension bytes after the report blocks.</summary>
    public ReadOnlySpan<byte> ProfileExtension => _body.Slice(FixedBodyLength + (ReportBlockCount * RtcpReportBlock.Length));

    /// <summary>Returns report block <paramref name="index"/> (0 to <see cref="ReportBlockCount"/> - 1).</summary>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ReportBlockCount, nameof(index));
        return RtcpReportBlock.Read(_body.Slice(FixedBodyLength + (index * RtcpReportBlock.Length)));
    }

    /// <summary>Reads an SR; false when the packet is not one or its report blocks do not fit.</summary>
    public static bool TryParse(in RtcpPacket packet, out RtcpSenderReport report)
    {
        report = default;
        if (packet.PacketType != RtcpPacketType.SenderReport)
        {
            return false;
        }

        ReadOnlySpan<byte> body = packet.Body;
        int count = packet.Count;
        if (body.Length < FixedBodyLength + (count * RtcpReportBlock.Length))
        {
            return false;
        }

        report = new RtcpSenderReport(body, count);
        return true;
    }

    /// <summary>Bytes an SR with <paramref name="reportBlockCount"/> blocks takes.</summary>
    public static int GetLength(int reportBlockCount) =>
        RtcpPacket.HeaderLength + FixedBodyLength + (reportBlockCount * RtcpReportBlock.Length);

    /// <summary>Writes an SR and returns its length; throws when <paramref name="destination"/> is too small or there are over 31 blocks.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, NtpTimestamp ntpTimestamp, uint rtpTimestamp, uint packetCount, uint octetCount, ReadOnlySpan<RtcpReportBlock> reportBlocks = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reportBlocks.Length, MaxReportBlocks, nameof(reportBlocks));
        int length = GetLength(reportBlocks.Length);
        RtcpHeader.EnsureCapacity(destination, length);
        RtcpHeader.Write(destination, reportBlocks.Length, RtcpPacketType.SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), senderSsrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), ntpTimestamp.Value);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16), rtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(20), packetCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(24), octetCount);
        int offset = RtcpPacket.HeaderLength + FixedBodyLength;
        foreach (RtcpReportBlock block in reportBlocks)
        {
            offset += block.WriteTo(destination.Slice(offset));
        }

        return length;
    }
}
