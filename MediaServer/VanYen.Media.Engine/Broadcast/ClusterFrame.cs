namespace VanYen.Media.Engine.Broadcast;

/// <summary>
/// What a cluster plays during one 20 ms tick, in every form a sink may want: the finished RTP packet (cluster
/// SSRC, sequence number and timestamp already written; payload type <see cref="ClusterChannel.OpusPayloadType"/>),
/// the Opus payload alone, and the PCM it was encoded from.
/// </summary>
/// <remarks>
/// While the cluster is idle, <see cref="IsIdle"/> is true, <see cref="RtpPacket"/> is empty (RTP receivers get no
/// packets: RFC 3551 §4.1 silence suppression, the next packet carries the marker bit), <see cref="OpusPayload"/>
/// holds an encoded silent frame and <see cref="Pcm"/> zeros, so continuous streams (Ogg, MP3) keep flowing.
/// The spans are valid only during the call.
/// </remarks>
public readonly ref struct ClusterFrame
{
    /// <summary>Creates a frame view.</summary>
    public ClusterFrame(long clusterId, string? programId, ReadOnlySpan<byte> rtpPacket, ReadOnlySpan<byte> opusPayload, ReadOnlySpan<short> pcm, uint ssrc, ushort sequenceNumber, uint timestamp)
    {
        ClusterId = clusterId;
        ProgramId = programId;
        RtpPacket = rtpPacket;
        OpusPayload = opusPayload;
        Pcm = pcm;
        Ssrc = ssrc;
        SequenceNumber = sequenceNumber;
        Timestamp = timestamp;
    }

    /// <summary>The cluster.</summary>
    public long ClusterId { get; }

    /// <summary>The program on air, or null when idle.</summary>
    public string? ProgramId { get; }

    /// <summary>True when nothing is on air on the cluster.</summary>
    public bool IsIdle => ProgramId is null;

    /// <summary>The complete RTP packet (12-byte header + Opus payload); empty when idle.</summary>
    public ReadOnlySpan<byte> RtpPacket { get; }

    /// <summary>The Opus packet of this frame (a silent frame when idle).</summary>
    public ReadOnlySpan<byte> OpusPayload { get; }

    /// <summary>960 samples of 48 kHz mono PCM after gain and limiting (zeros when idle).</summary>
    public ReadOnlySpan<short> Pcm { get; }

    /// <summary>The cluster's RTP SSRC.</summary>
    public uint Ssrc { get; }

    /// <summary>The RTP sequence number of <see cref="RtpPacket"/> (the last one sent, when idle).</summary>
    public ushort SequenceNumber { get; }

    /// <summary>The RTP timestamp (48 kHz clock) of this tick; it advances by 960 every tick, idle or not.</summary>
    public uint Timestamp { get; }
}
