using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>An RR packet (RFC 3550 §6.4.2): the reporter's SSRC and up to 31 report blocks.</summary>
public readonly ref struct RtcpReceiverReport
{
    private const int FixedBodyLength = 4;

    private const int MaxReportBlocks = 31;

    private readonly ReadOnlySpan<byte> _body;

    private RtcpReceiverReport(ReadOnlySpan<byte> body, int reportBlockCount)
    {
        _body = body;
        ReportBlockCount = reportBlockCount;
    }

    /// <summary>SSRC of the packet's sender (the receiver reporting).</summary>
    public uint SenderSsrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

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

    /// <summary>Reads an RR; false when the packet is not one or its report blocks do not fit.</summary>
    public static bool TryParse(in RtcpPacket packet, out RtcpReceiverReport report)
    {
        report = default;
        if (packet.PacketType != RtcpPacketType.ReceiverReport)
        {
            return false;
        }

        ReadOnlySpan<byte> body = packet.Body;
        int count = packet.Count;
        if (body.Length < FixedBodyLength + (count * RtcpReportBlock.Length))
        {
            return false;
        }

        report = new RtcpReceiverReport(body, count);
        return true;
    }

    /// <summary>Bytes an RR with <paramref name="reportBlockCount"/> blocks takes.</summary>
    public static int GetLength(int reportBlockCount) =>
        RtcpPacket.HeaderLength + FixedBodyLength + (reportBlockCount * RtcpReportBlock.Length);

    /// <summary>Writes an RR and returns its length; throws when <paramref name="destination"/> is too small or there are over 31 blocks.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, ReadOnlySpan<RtcpReportBlock> reportBlocks = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reportBlocks.Length, MaxReportBlocks, nameof(reportBlocks));
        int length = GetLength(reportBlocks.Length);
        RtcpHeader.EnsureCapacity(destination, length);
        RtcpHeader.Write(destination, reportBlocks.Length, RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), senderSsrc);
        int offset = RtcpPacket.HeaderLength + FixedBodyLength;
        foreach (RtcpReportBlock block in reportBlocks)
        {
            offset += block.WriteTo(destination.Slice(offset));
        }

        return length;
    }
}
