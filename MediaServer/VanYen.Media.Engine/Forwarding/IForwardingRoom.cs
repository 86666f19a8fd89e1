namespace VanYen.Media.Engine.Forwarding;

/// <summary>
/// One SFU call: audio and video forwarded without transcoding (payload types mapped per peer; SSRC, sequence number
/// and timestamp rewritten per subscriber), with RTCP feedback relayed: PLI/FIR become a key frame request to the
/// sender, NACKs are answered from a per-stream packet cache (as RTX when negotiated), REMB reaches the sender.
/// The browser's m-lines follow <see cref="ForwardingLayout"/>.
/// </summary>
public interface IForwardingRoom
{
    /// <summary>The room's id.</summary>
    string RoomId { get; }

    /// <summary>
    /// A browser joins with its offer (the <see cref="ForwardingLayout"/>); returns the SDP answer. The participant
    /// gets a slot in every other participant's view and theirs in its own.
    /// </summary>
    /// <exception cref="Rooms.RoomException">The room is full (<see cref="ForwardingLayout.MaxParticipants"/>) or the offer cannot be answered.</exception>
    Task<string> JoinAsync(string participantId, string offerSdp, CancellationToken cancellationToken);

    /// <summary>Ends one participant's media and frees its slots; unknown ids are ignored.</summary>
    void Leave(string participantId);

    /// <summary>Who is in which slot of <paramref name="participantId"/>'s view (empty for an unknown id).</summary>
    IReadOnlyList<ForwardingSlot> GetSlots(string participantId);

    /// <summary>Slots changed for some participants (someone joined or left); raised off the media thread.</summary>
    event EventHandler<ForwardingSlotsChangedEventArgs>? SlotsChanged;

    /// <summary>A participant's media ended on its side (browser closed, ICE timed out).</summary>
    event EventHandler<ForwardingParticipantDisconnectedEventArgs>? ParticipantDisconnected;

    /// <summary>Call quality of one participant's link in both directions, or null for an unknown id.</summary>
    CallQuality? GetQuality(string participantId);

    /// <summary>Totals that prove the feedback loop works (key frame requests relayed, NACKs answered...).</summary>
    ForwardingCounters Counters { get; }

    /// <summary>
    /// Fault injection for tests and field diagnosis: the next <paramref name="count"/> video packets forwarded to
    /// <paramref name="subscriberId"/> are not sent (but stay in the cache, so a NACK recovers them).
    /// </summary>
    void DropNextVideoPackets(string subscriberId, int count);
}
