namespace VanYen.Media.Engine.Audio.Jitter;

/// <summary>A snapshot of a <see cref="JitterBuffer"/>'s counters and current delays.</summary>
/// <param name="Received">Packets given to <see cref="JitterBuffer.Insert"/>.</param>
/// <param name="Played">Packets decoded for playout.</param>
/// <param name="Duplicates">Packets dropped because the same sequence number was buffered.</param>
/// <param name="Late">Packets dropped because their turn to play had passed.</param>
/// <param name="DroppedOverflow">Buffered packets dropped (oldest first) to stay within capacity.</param>
/// <param name="Malformed">Packets refused as empty, oversized or not valid Opus, plus packets the decoder refused.</param>
/// <param name="Concealed">Lost packets (or 20 ms of underrun) replaced by packet loss concealment.</param>
/// <param name="FecRecovered">Lost packets rebuilt from the next packet's in-band FEC.</param>
/// <param name="SilencedFrames">Lost packets replaced by silence after the concealment limit.</param>
/// <param name="Expanded">Concealed frames inserted without losing a packet, to grow the delay to the target.</param>
/// <param name="Skipped">Packets discarded unplayed to bring the delay back down to the target.</param>
/// <param name="Underruns">Times the buffer ran dry past the concealment limit and went back to buffering.</param>
/// <param name="Resets">Stream restarts: SSRC change, sequence number or timestamp jump.</param>
/// <param name="TargetDelayMilliseconds">The playout delay the buffer now aims for.</param>
/// <param name="BufferedMilliseconds">The audio now buffered ahead of the playout point.</param>
/// <param name="InterarrivalJitterMilliseconds">The RFC 3550 §6.4.1 / A.8 interarrival jitter estimate.</param>
public readonly record struct JitterBufferStatistics(
    long Received,
    long Played,
    long Duplicates,
    long Late,
    long DroppedOverflow,
    long Malformed,
    long Concealed,
    long FecRecovered,
    long SilencedFrames,
    long Expanded,
    long Skipped,
    long Underruns,
    long Resets,
    double TargetDelayMilliseconds,
    double BufferedMilliseconds,
    double InterarrivalJitterMilliseconds);
