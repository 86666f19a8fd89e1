using VanYen.Media.Engine.Meetings;

namespace VanYen.Media.Server.Meetings;

/// <summary>The bridge's counters and each participant's media (<c>GET /api/meetings/{id}/media-stats</c>).</summary>
/// <param name="Open">The bridge is open (someone's media started).</param>
/// <param name="Ticks">20 ms mixing ticks run.</param>
/// <param name="ListenerMixEncodes">Frames of the shared listener mix encoded: one per tick however many listen.</param>
/// <param name="TalkerMixEncodes">Frames of talkers' mix-minus encoded.</param>
/// <param name="FramesDecoded">Opus frames decoded (talkers only).</param>
/// <param name="SilentFramesNotDecoded">Frames of silent participants left undecoded.</param>
/// <param name="PacketsDropped">Packets dropped.</param>
/// <param name="Participants">Each participant's media.</param>
public sealed record MeetingMediaStats(
    bool Open,
    long Ticks,
    long ListenerMixEncodes,
    long TalkerMixEncodes,
    long FramesDecoded,
    long SilentFramesNotDecoded,
    long PacketsDropped,
    IReadOnlyList<MeetingParticipantMedia> Participants);
