using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>
/// What one context remembers about one SSRC: the rollover counter (kept as the highest
/// extended sequence number), the replay windows and the SRTCP index. Created on the
/// first packet of the SSRC (on receive: the first that authenticates), never per packet.
/// </summary>
internal sealed class SrtpStreamState
{
    // SequenceNumberUnwrapper starts one cycle up; SRTP's first ROC is 0 (RFC 3711 §3.3.1).
    private const long UnwrapperOffset = 65536;

    // Holds the highest authenticated (receive) or sent (protect) extended sequence number.
    private SequenceNumberUnwrapper _rtpSequence;

    public SrtpStreamState(uint ssrc, int replayWindowSize)
    {
        Ssrc = ssrc;
        RtpReplay = new SrtpReplayWindow(replayWindowSize);
        RtcpReplay = new SrtpReplayWindow(replayWindowSize);
    }

    public uint Ssrc { get; }

    public SrtpReplayWindow RtpReplay { get; }

    public SrtpReplayWindow RtcpReplay { get; }

    /// <summary>The SRTCP index the next protected RTCP packet of this SSRC gets (RFC 3711 §3.4).</summary>
    public uint NextSrtcpIndex { get; set; }

    /// <summary>
    /// Estimates the 48-bit packet index i = 2^16 * ROC + SEQ for <paramref name="sequenceNumber"/>
    /// (RFC 3711 §3.3.1 and Appendix A): the candidate nearest the highest seen so far.
    /// Negative for a packet from before the stream's first ROC. Does not change state.
    /// </summary>
    public long EstimateIndex(ushort sequenceNumber) => _rtpSequence.Peek(sequenceNumber) - UnwrapperOffset;

    /// <summary>Advances the ROC and highest sequence number; on receive, call only once the packet authenticated.</summary>
    public void CommitIndex(ushort sequenceNumber) => _rtpSequence.Unwrap(sequenceNumber);

    /// <summary>The rollover counter of the highest index seen.</summary>
    public uint RolloverCounter => _rtpSequence.Highest < 0 ? 0 : (uint)((_rtpSequence.Highest - UnwrapperOffset) >> 16);
}
