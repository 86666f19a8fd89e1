using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc;

namespace VanYen.Media.Engine.Forwarding;

// The per-packet path, on the socket's receive thread: RTP from a publisher to its viewers, RTCP feedback from a
// subscriber back to the publisher it is about. No allocation, no exception out of here.
internal sealed partial class ForwardingRoom
{
    private long _lastDropLog;
    private long _droppedSinceLog;

    /// <summary>One packet of <paramref name="publisher"/>'s own audio or video: cache it (video), forward it to every viewer.</summary>
    internal void OnRtp(ForwardingParticipant publisher, in RtpPacket packet)
    {
        int payloadType = packet.PayloadType;
        PublishedStream stream;
        SubscriberStream[] viewers;
        if (publisher.IsVideoPayloadType(payloadType))
        {
            stream = publisher.Video;
            viewers = publisher.VideoViewers;
        }
        else if (publisher.IsAudioPayloadType(payloadType))
        {
            stream = publisher.Audio;
            viewers = publisher.AudioViewers;
        }
        else if (publisher.IsRetransmissionPayloadType(payloadType))
        {
            OnRetransmission(publisher, in packet);
            return;
        }
        else
        {
            Drop(publisher, "a payload type it did not negotiate");
            return;
        }

        publisher.CountIn(packet.Packet.Length);
        stream.Ssrc = packet.Ssrc;
        ForwardMedia(publisher, stream, viewers, in packet);
    }

    private void ForwardMedia(ForwardingParticipant publisher, PublishedStream stream, SubscriberStream[] viewers, in RtpPacket packet)
    {
        int payloadType = packet.PayloadType;
        if (stream.Cache is { } cache)
        {
            lock (cache.SyncRoot)
            {
                cache.Store(packet.Packet, packet.Ssrc, packet.SequenceNumber);
            }
        }

        VideoCodecKind codec = stream.CodecOf(payloadType);
        foreach (SubscriberStream viewer in viewers)
        {
            switch (viewer.Forward(in packet, codec))
            {
                case ForwardResult.Forwarded:
                    Counters.AddForwarded();
                    viewer.Subscriber.CountOut(packet.Packet.Length);
                    break;
                case ForwardResult.WaitingForKeyFrame:
                    // A slot starting (a new subscriber, a new occupant): its decoder needs a key frame to begin.
                    stream.TryRequestKeyFrame(publisher.Peer, _options.KeyFrameRequestInterval);
                    break;
                case ForwardResult.UnmappedPayloadType:
                    Drop(publisher, "a codec the subscriber did not negotiate");
                    break;
                case ForwardResult.FaultInjected:
                    Counters.AddPacketDropped();
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// An RTX packet from a publisher (RFC 4588 §4): the answer to a NACK we passed upstream, unwrapped into the
    /// original packet (OSN, the original payload type and SSRC), cached and forwarded like one. Padding-only RTX
    /// packets are the browser's bandwidth probes and carry nothing to forward.
    /// </summary>
    private void OnRetransmission(ForwardingParticipant publisher, in RtpPacket packet)
    {
        PublishedStream stream = publisher.Video;
        ReadOnlySpan<byte> payload = packet.Payload;
        if (stream.RetransmissionBuffer is not { } buffer || payload.Length <= 2 || stream.Ssrc == 0
            || !stream.TryGetRetransmittedPayloadType(packet.PayloadType, out byte payloadType))
        {
            return;
        }

        int length = packet.HeaderLength + payload.Length - 2;
        if (length > buffer.Length)
        {
            return;
        }

        publisher.CountIn(packet.Packet.Length);
        Span<byte> original = buffer.AsSpan(0, length);
        packet.Packet.Slice(0, packet.HeaderLength).CopyTo(original);
        payload.Slice(2).CopyTo(original.Slice(packet.HeaderLength));
        original[0] &= 0xDF; // no padding: it was not copied
        ushort originalSequenceNumber = (ushort)((payload[0] << 8) | payload[1]);
        RtpHeaderRewriter.Rewrite(original, stream.Ssrc, originalSequenceNumber, packet.Timestamp, payloadType, packet.Marker);
        if (RtpPacket.TryParse(original, out RtpPacket recovered))
        {
            ForwardMedia(publisher, stream, publisher.VideoViewers, in recovered);
        }
    }

    /// <summary>A PLI or FIR from <paramref name="subscriber"/> about one of our slot SSRCs: ask the slot's occupant (throttled).</summary>
    internal void OnKeyFrameRequest(ForwardingParticipant subscriber, uint mediaSsrc)
    {
        if (subscriber.FindStream(mediaSsrc) is { IsVideo: true } stream && stream.Source is { } source
            && source.Video.TryRequestKeyFrame(source.Peer, _options.KeyFrameRequestInterval))
        {
            Counters.AddKeyFrameRequestRelayed();
        }
    }

    /// <summary>A Generic NACK from <paramref name="subscriber"/>: resend each named packet from the occupant's cache.</summary>
    internal void OnGenericNack(ForwardingParticipant subscriber, in RtcpGenericNack nack)
    {
        if (subscriber.FindStream(nack.MediaSsrc) is not { } stream)
        {
            return;
        }

        ForwardingParticipant? source = stream.Source;
        RtpPacketCache? cache = source?.Video.Cache;
        Span<ushort> upstream = stackalloc ushort[WebRtcPeer.MaxNackSequenceNumbers];
        int upstreamCount = 0;
        foreach (ushort sequenceNumber in nack.LostSequenceNumbers)
        {
            Counters.AddNacksReceived(1);
            if (stream.IsVideo && stream.Resend(sequenceNumber, cache))
            {
                Counters.AddRetransmissionSent();
                continue;
            }

            Counters.AddRetransmissionMissed();

            // Not cached: lost on the publisher's uplink (or too old). Ask the publisher; its RTX answer is forwarded.
            if (stream.IsVideo && source is { Video.AcceptsNack: true } && upstreamCount < upstream.Length
                && stream.TryMapToSource(sequenceNumber, out uint sourceSsrc, out ushort sourceSequenceNumber) && sourceSsrc == source.Video.Ssrc)
            {
                upstream[upstreamCount++] = sourceSequenceNumber;
            }
        }

        if (upstreamCount > 0)
        {
            source!.Peer.SendGenericNack(source.Video.Ssrc, upstream.Slice(0, upstreamCount));
        }
    }

    /// <summary>
    /// A REMB from <paramref name="subscriber"/> (its whole downlink): each video it sees gets an equal share; each
    /// occupant is told the smallest share among its viewers, so it sends what its slowest viewer can take.
    /// </summary>
    internal void OnBandwidthEstimate(ForwardingParticipant subscriber, ulong bitrate)
    {
        subscriber.EstimatedBitrate = bitrate;
        foreach (SubscriberSlot slot in subscriber.Slots)
        {
            if (slot.Occupant is not { } publisher)
            {
                continue;
            }

            ulong smallest = ulong.MaxValue;
            foreach (SubscriberStream viewer in publisher.VideoViewers)
            {
                ulong estimate = viewer.Subscriber.EstimatedBitrate;
                int sources = Math.Max(1, viewer.Subscriber.VideoSourceCount);
                if (estimate > 0)
                {
                    smallest = Math.Min(smallest, estimate / (ulong)sources);
                }
            }

            if (smallest != ulong.MaxValue && publisher.Video.TrySendBandwidthEstimate(publisher.Peer, smallest, _options.BandwidthEstimateInterval))
            {
                Counters.AddBandwidthEstimateRelayed();
            }
        }
    }

    // Counted always; logged at most once per interval, with the count since the last line.
    private void Drop(ForwardingParticipant participant, string reason)
    {
        Counters.AddPacketDropped();
        Interlocked.Increment(ref _droppedSinceLog);
        long now = _options.TimeProvider.GetTimestamp();
        long last = Volatile.Read(ref _lastDropLog);
        if ((last == 0 || _options.TimeProvider.GetElapsedTime(last, now) >= _options.DroppedPacketLogInterval)
            && Interlocked.CompareExchange(ref _lastDropLog, now, last) == last)
        {
            ForwardingLog.PacketsDropped(_logger, RoomId, Interlocked.Exchange(ref _droppedSinceLog, 0), participant.Id, reason);
        }
    }
}
