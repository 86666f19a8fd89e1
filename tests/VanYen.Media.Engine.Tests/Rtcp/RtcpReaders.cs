using VanYen.Media.Engine.Rtcp;

namespace VanYen.Media.Engine.Tests.Rtcp;

/// <summary>Runs every RTCP reader over a packet and reads every field, for property and allocation tests.</summary>
internal static class RtcpReaders
{
    /// <summary>
    /// Returns a checksum of everything read, so nothing is optimised away. With <paramref name="checkCounts"/>,
    /// asserts that enumerations agree with the counts their packets announce (xunit asserts allocate, so
    /// allocation tests pass false).
    /// </summary>
    public static long TouchEverything(RtcpPacket packet, bool checkCounts = true)
    {
        long sum = packet.Count + (int)packet.PacketType + packet.Body.Length;
        if (RtcpSenderReport.TryParse(packet, out RtcpSenderReport senderReport))
        {
            sum += senderReport.SenderSsrc + (long)(senderReport.NtpTimestamp.Value & 0xFFFF) + senderReport.RtpTimestamp
                + senderReport.SenderPacketCount + senderReport.SenderOctetCount + senderReport.ProfileExtension.Length;
            for (int i = 0; i < senderReport.ReportBlockCount; i++)
            {
                sum += Touch(senderReport.GetReportBlock(i));
            }
        }

        if (RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport receiverReport))
        {
            sum += receiverReport.SenderSsrc + receiverReport.ProfileExtension.Length;
            for (int i = 0; i < receiverReport.ReportBlockCount; i++)
            {
                sum += Touch(receiverReport.GetReportBlock(i));
            }
        }

        if (RtcpSourceDescription.TryParse(packet, out RtcpSourceDescription description))
        {
            int chunks = 0;
            foreach (RtcpSdesChunk chunk in description.Chunks)
            {
                chunks++;
                sum += chunk.Ssrc;
                foreach (RtcpSdesItem item in chunk.Items)
                {
                    sum += (int)item.Type + item.Value.Length;
                }
            }

            if (checkCounts)
            {
                Assert.Equal(description.ChunkCount, chunks);
            }

            if (description.TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname))
            {
                sum += ssrc + cname.Length;
            }
        }

        if (RtcpBye.TryParse(packet, out RtcpBye bye))
        {
            for (int i = 0; i < bye.SsrcCount; i++)
            {
                sum += bye.GetSsrc(i);
            }

            sum += bye.Reason.Length;
        }

        if (RtcpGenericNack.TryParse(packet, out RtcpGenericNack nack))
        {
            int lost = 0;
            foreach (ushort sequence in nack.LostSequenceNumbers)
            {
                lost++;
                sum += sequence;
            }

            if (checkCounts)
            {
                Assert.InRange(lost, nack.ItemCount, 17 * nack.ItemCount);
            }

            for (int i = 0; i < nack.ItemCount; i++)
            {
                nack.GetItem(i, out ushort packetId, out ushort bitmask);
                sum += packetId + bitmask;
            }
        }

        if (RtcpPictureLossIndication.TryParse(packet, out RtcpPictureLossIndication pli))
        {
            sum += pli.SenderSsrc + pli.MediaSsrc;
        }

        if (RtcpFullIntraRequest.TryParse(packet, out RtcpFullIntraRequest fir))
        {
            for (int i = 0; i < fir.EntryCount; i++)
            {
                RtcpFirEntry entry = fir.GetEntry(i);
                sum += entry.Ssrc + entry.SequenceNumber;
            }
        }

        if (RtcpReceiverEstimatedMaxBitrate.TryParse(packet, out RtcpReceiverEstimatedMaxBitrate remb))
        {
            sum += (long)(remb.Bitrate & 0xFFFF);
            for (int i = 0; i < remb.SsrcCount; i++)
            {
                sum += remb.GetSsrc(i);
            }
        }

        if (RtcpTransportWideFeedback.TryParse(packet, out RtcpTransportWideFeedback feedback))
        {
            int statuses = 0;
            foreach (RtcpTransportWidePacketStatus status in feedback.PacketStatuses)
            {
                statuses++;
                sum += status.SequenceNumber + status.Delta;
            }

            if (checkCounts)
            {
                // A validated feedback describes exactly the packets it counts.
                Assert.Equal(feedback.PacketStatusCount, statuses);
            }

            sum += feedback.ReferenceTime + feedback.FeedbackPacketCount + feedback.BaseSequenceNumber;
        }

        return sum;
    }

    private static long Touch(RtcpReportBlock block) =>
        block.Ssrc + block.FractionLost + block.CumulativeLost + block.ExtendedHighestSequenceNumber
        + block.Jitter + block.LastSenderReport + block.DelaySinceLastSenderReport;
}
