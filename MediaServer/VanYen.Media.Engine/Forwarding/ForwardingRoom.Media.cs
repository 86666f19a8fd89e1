using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Rtp;

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
            // RTX from a browser answers NACKs we never send, or is a bandwidth probe (padding): nothing to forward.
            return;
        }
        else
        {
            Drop(publisher, "a payload type it did not negotiate");
            return;
        }

        publisher.CountIn(packet.Packet.Length);
        stream.Ssrc = packet.Ssrc;
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

        RtpPacketCache? cache = stream.Source?.Video.Cache;
        foreach (ushort sequenceNumber in nack.LostSequenceNumbers)
        {
            Counters.AddNacksReceived(1);
            if (stream.IsVideo && stream.Resend(sequenceNumber, cache))
            {
                Counters.AddRetransmissionSent();
            }
            else
            {
                Counters.AddRetransmissionMissed();
            }
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
