using System.Net;
using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Engine.Meetings;

/// <summary>
/// The media of one meeting: an MCU audio bridge. Every input has a jitter buffer; only the loudest K talkers
/// (RFC 6464 level and energy, with hangover) are decoded and mixed; each talker gets a mix-minus (never hears
/// itself) and all other participants share one listener mix encoded once per 20 ms. Participants join over
/// WebRTC (a browser) or plain RTP (a SIP gateway, a hardware console, the load harness).
/// </summary>
public interface IMeetingMedia
{
    /// <summary>The meeting's id.</summary>
    string MeetingId { get; }

    /// <summary>
    /// A browser joins with its offer (one sendrecv audio m-line, Opus with in-band FEC and DTX allowed); returns the SDP
    /// answer. <paramref name="participantId"/> is unique in the meeting; joining again replaces the earlier media.
    /// </summary>
    /// <exception cref="Rooms.RoomException">The offer cannot be answered.</exception>
    Task<string> JoinWebRtcAsync(string participantId, string offerSdp, CancellationToken cancellationToken);

    /// <summary>
    /// A plain RTP participant: the server sends its mix as RTP/Opus with <paramref name="payloadType"/> to
    /// <paramref name="remote"/> and takes the participant's RTP/Opus from that same address (port) only.
    /// </summary>
    /// <exception cref="ArgumentException">A payload type outside 96–127 or a non-unicast address.</exception>
    MeetingRtpJoin JoinPlainRtp(string participantId, IPEndPoint remote, byte payloadType);

    /// <summary>Ends one participant's media; unknown ids are ignored.</summary>
    void Leave(string participantId);

    /// <summary>Server-side mute: the participant's audio is ignored by the bridge (nobody hears it) until unmuted.</summary>
    void SetMuted(string participantId, bool muted);

    /// <summary>Every participant's media now (for the participant list, "who is talking").</summary>
    IReadOnlyList<MeetingParticipantMedia> GetParticipants();

    /// <summary>The set of talkers changed (raised off the media thread, at most every 100 ms).</summary>
    event EventHandler<MeetingTalkersChangedEventArgs>? TalkersChanged;

    /// <summary>A participant's media ended on its side (browser closed, ICE timed out, plain RTP silent for 30 s).</summary>
    event EventHandler<MeetingParticipantDisconnectedEventArgs>? ParticipantDisconnected;

    /// <summary>Counters that prove the bridge's economy (the listener mix is encoded once per tick...).</summary>
    MeetingMediaCounters Counters { get; }

    /// <summary>True while the mix is being recorded.</summary>
    bool IsRecording { get; }

    /// <summary>Starts recording the full mix (every talker) to an Ogg Opus file at <paramref name="filePath"/>.</summary>
    /// <exception cref="InvalidOperationException">Already recording.</exception>
    void StartRecording(string filePath);

    /// <summary>Stops recording and closes the file; null when nothing was recording.</summary>
    Task<MeetingRecordingResult?> StopRecordingAsync();

    /// <summary>
    /// A live copy of the listener mix as an audio source (the bridge to broadcast): frames from now on, until the
    /// source is disposed or the meeting closes (then <see cref="AudioSourceReadResult.EndOfStream"/>).
    /// </summary>
    IAudioSource OpenMixSource(string description);
}
