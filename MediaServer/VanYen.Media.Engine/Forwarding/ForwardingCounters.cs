namespace VanYen.Media.Engine.Forwarding;

/// <summary>Totals since the room opened; read any time (each value is read atomically).</summary>
public sealed class ForwardingCounters
{
    private long _packetsForwarded;
    private long _keyFrameRequestsRelayed;
    private long _nacksReceived;
    private long _retransmissionsSent;
    private long _retransmissionsMissed;
    private long _bandwidthEstimatesRelayed;
    private long _packetsDropped;

    /// <summary>RTP packets sent to subscribers (one per subscriber per packet).</summary>
    public long PacketsForwarded => Interlocked.Read(ref _packetsForwarded);

    /// <summary>PLI/FIR from subscribers turned into a key frame request to the sender.</summary>
    public long KeyFrameRequestsRelayed => Interlocked.Read(ref _keyFrameRequestsRelayed);

    /// <summary>Lost sequence numbers asked for in Generic NACKs.</summary>
    public long NacksReceived => Interlocked.Read(ref _nacksReceived);

    /// <summary>Packets resent from the cache (as RTX when negotiated).</summary>
    public long RetransmissionsSent => Interlocked.Read(ref _retransmissionsSent);

    /// <summary>NACKed packets no longer (or never) in the cache.</summary>
    public long RetransmissionsMissed => Interlocked.Read(ref _retransmissionsMissed);

    /// <summary>REMB estimates passed to a sender.</summary>
    public long BandwidthEstimatesRelayed => Interlocked.Read(ref _bandwidthEstimatesRelayed);

    /// <summary>Packets not forwarded (malformed, unknown payload type, fault injection).</summary>
    public long PacketsDropped => Interlocked.Read(ref _packetsDropped);

    /// <summary>Counts forwarded packets.</summary>
    public void AddForwarded(long count = 1) => Interlocked.Add(ref _packetsForwarded, count);

    /// <summary>Counts a relayed key frame request.</summary>
    public void AddKeyFrameRequestRelayed() => Interlocked.Increment(ref _keyFrameRequestsRelayed);

    /// <summary>Counts NACKed sequence numbers.</summary>
    public void AddNacksReceived(long count) => Interlocked.Add(ref _nacksReceived, count);

    /// <summary>Counts a retransmission.</summary>
    public void AddRetransmissionSent() => Interlocked.Increment(ref _retransmissionsSent);

    /// <summary>Counts a NACK that could not be answered.</summary>
    public void AddRetransmissionMissed() => Interlocked.Increment(ref _retransmissionsMissed);

    /// <summary>Counts a relayed REMB.</summary>
    public void AddBandwidthEstimateRelayed() => Interlocked.Increment(ref _bandwidthEstimatesRelayed);

    /// <summary>Counts a dropped packet.</summary>
    public void AddPacketDropped() => Interlocked.Increment(ref _packetsDropped);
}
