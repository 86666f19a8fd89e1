namespace VanYen.Media.Signaling.Contracts.Meetings;

/// <summary>One participant as the others see it.</summary>
/// <param name="Id">The participant's id.</param>
/// <param name="DisplayName">The name given at the join.</param>
/// <param name="Role"><c>chair</c> or <c>participant</c>.</param>
/// <param name="State"><c>lobby</c>, <c>admitted</c> or <c>removed</c>.</param>
/// <param name="HandQueuePosition">1 for the first raised hand, 2 for the next…; null when the hand is down.</param>
/// <param name="MutedByChair">The chair muted the participant (nobody hears it).</param>
/// <param name="AskedToUnmute">The chair asked the participant to unmute.</param>
/// <param name="HasFloor">The chair gave the participant the floor.</param>
/// <param name="MicrophoneOn">The participant's own microphone switch.</param>
/// <param name="Talking">Among the mixed talkers now.</param>
/// <param name="Connected">Its media flows.</param>
/// <param name="PlainRtp">Joined over plain RTP (a gateway or console) rather than a browser.</param>
public sealed record MeetingParticipantMessage(
    string Id,
    string DisplayName,
    string Role,
    string State,
    int? HandQueuePosition,
    bool MutedByChair,
    bool AskedToUnmute,
    bool HasFloor,
    bool MicrophoneOn,
    bool Talking,
    bool Connected,
    bool PlainRtp);
