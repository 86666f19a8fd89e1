using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Forwarding;

/// <summary>
/// One SFU call (see <see cref="IForwardingRoom"/>): membership and slots here; the per-packet path in
/// ForwardingRoom.Media.cs. Membership changes under one lock and publish immutable viewer arrays that the media
/// path reads without locking.
/// </summary>
internal sealed partial class ForwardingRoom : IForwardingRoom
{
    private static long s_sessionCounter;

    private readonly RoomService? _rooms;
    private readonly ForwardingOptions _options;
    private readonly ILogger _logger;
    private readonly Action<string, ForwardingRoom?>? _registerSession;
    private readonly Lock _lock = new();
    private readonly List<ForwardingParticipant> _participants = [];
    private readonly HashSet<uint> _usedSsrcs = [];
    private int _pendingJoins;
    private bool _closed;

    public ForwardingRoom(string roomId, RoomService? rooms, ForwardingOptions options, ILogger logger, Action<string, ForwardingRoom?>? registerSession = null)
    {
        RoomId = roomId;
        _rooms = rooms;
        _options = options;
        _logger = logger;
        _registerSession = registerSession;
    }

    /// <inheritdoc/>
    public string RoomId { get; }

    /// <inheritdoc/>
    public ForwardingCounters Counters { get; } = new();

    /// <inheritdoc/>
    public event EventHandler<ForwardingSlotsChangedEventArgs>? SlotsChanged;

    /// <inheritdoc/>
    public event EventHandler<ForwardingParticipantDisconnectedEventArgs>? ParticipantDisconnected;

    /// <summary>The participants' ids, in joining order.</summary>
    public IReadOnlyList<string> ParticipantIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _participants.Select(p => p.Id)];
            }
        }
    }

    /// <inheritdoc/>
    public async Task<string> JoinAsync(string participantId, string offerSdp, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(participantId);
        if (_rooms is null)
        {
            throw new InvalidOperationException("This room has no room service to open sessions with.");
        }

        ForwardingSsrcs[] ssrcs;
        lock (_lock)
        {
            if (_closed)
            {
                throw new RoomException("The call has ended.");
            }

            if (Find(participantId) is not null)
            {
                throw new RoomException($"'{participantId}' is already in the call.");
            }

            if (_participants.Count + _pendingJoins >= ForwardingLayout.MaxParticipants)
            {
                throw new RoomException($"The call is full: at most {ForwardingLayout.MaxParticipants} participants.");
            }

            _pendingJoins++;
            ssrcs = AllocateSsrcs();
        }

        string sessionId = "sfu-" + RoomId + "-" + participantId + "-" + Interlocked.Increment(ref s_sessionCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        OpenedSession opened;
        try
        {
            opened = await _rooms.OpenSessionAsync(CreateSessionRequest(sessionId, offerSdp, ssrcs), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                _pendingJoins--;
                ReleaseSsrcs(ssrcs);
            }

            throw;
        }

        _registerSession?.Invoke(sessionId, this);
        try
        {
            AddParticipant(participantId, opened.SessionId, opened.Peer, opened.Negotiated, ssrcs, pendingJoin: true);
        }
        catch
        {
            _registerSession?.Invoke(sessionId, null);
            _ = _rooms.LeaveAsync(sessionId);
            throw;
        }

        return opened.AnswerSdp;
    }

    /// <summary>The answer's per-mid behaviour: receive the browser's own audio and video, send each slot with our SSRCs.</summary>
    internal static SessionOpenRequest CreateSessionRequest(string sessionId, string offerSdp, IReadOnlyList<ForwardingSsrcs> ssrcs)
    {
        var media = new Dictionary<string, SdpLocalMedia>
        {
            [ForwardingLayout.OwnAudioMid] = SdpLocalMedia.ReceiveOnly,
            [ForwardingLayout.OwnVideoMid] = SdpLocalMedia.ReceiveOnly,
        };
        const string CName = "vanyen-sfu";
        for (int slot = 0; slot < ForwardingLayout.SlotCount; slot++)
        {
            string stream = "slot-" + slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
            media[ForwardingLayout.SlotAudioMid(slot)] = new SdpLocalMedia(SdpDirection.SendOnly, new SdpSendStream(stream, stream + "-audio", ssrcs[slot].Audio, CName));
            media[ForwardingLayout.SlotVideoMid(slot)] = new SdpLocalMedia(SdpDirection.SendOnly, new SdpSendStream(stream, stream + "-video", ssrcs[slot].Video, CName) { RtxSsrc = ssrcs[slot].VideoRtx });
        }

        return new SessionOpenRequest(sessionId, offerSdp)
        {
            MediaByMid = media,
            AudioCodecs = [SdpCodecCapability.Opus],
            VideoCodecs = [SdpCodecCapability.Vp8, SdpCodecCapability.H264Baseline],
            // abs-send-time is what a browser's receive-side estimate (REMB) works from; transport-cc is left out so
            // that browsers fall back to REMB, which the SFU can relay (transport-cc would need a send-side estimator here).
            HeaderExtensions = [SdpHeaderExtensionUris.AudioLevel, SdpHeaderExtensionUris.AbsoluteSendTime],
            RtcpFeedback = [SdpRtcpFeedbackType.Nack, SdpRtcpFeedbackType.NackPli, SdpRtcpFeedbackType.CcmFir, SdpRtcpFeedbackType.GoogRemb],
        };
    }

    /// <summary>
    /// Puts a connected (or connecting) peer in the call: the others appear in its free slots and it in theirs.
    /// Used by <see cref="JoinAsync"/>; tests and benchmarks call it with peers made without a room service.
    /// </summary>
    internal ForwardingParticipant AddParticipant(string participantId, string sessionId, WebRtcPeer peer, NegotiatedSession negotiated, IReadOnlyList<ForwardingSsrcs> ssrcs, bool pendingJoin = false)
    {
        ForwardingParticipant participant;
        List<string> changed = [];
        lock (_lock)
        {
            if (pendingJoin)
            {
                _pendingJoins--;
            }

            if (_closed || Find(participantId) is not null || _participants.Count >= ForwardingLayout.MaxParticipants)
            {
                throw new RoomException(_closed ? "The call has ended." : $"The call is full or '{participantId}' is already in it.");
            }

            participant = new ForwardingParticipant(this, participantId, sessionId, peer, negotiated, ssrcs, _options);
            foreach (ForwardingParticipant other in _participants)
            {
                other.Slots[other.FindFreeSlot()].Assign(participant);
                participant.Slots[participant.FindFreeSlot()].Assign(other);
                changed.Add(other.Id);
            }

            _participants.Add(participant);
            changed.Add(participant.Id);
            RebuildViewers();
            ForwardingLog.Joined(_logger, RoomId, participantId, _participants.Count);
        }

        peer.Sink = participant;
        peer.FeedbackSink = participant;
        RaiseSlotsChanged(changed);
        return participant;
    }

    /// <inheritdoc/>
    public void Leave(string participantId)
    {
        if (Remove(participantId, "left") is { } participant)
        {
            EndSession(participant);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ForwardingSlot> GetSlots(string participantId)
    {
        lock (_lock)
        {
            if (Find(participantId) is not { } participant)
            {
                return [];
            }

            var slots = new List<ForwardingSlot>();
            foreach (SubscriberSlot slot in participant.Slots)
            {
                if (slot.Occupant is { } occupant)
                {
                    slots.Add(new ForwardingSlot(slot.Index, occupant.Id, slot.Audio.Mid, slot.Video.Mid));
                }
            }

            return slots;
        }
    }

    /// <inheritdoc/>
    public CallQuality? GetQuality(string participantId)
    {
        ForwardingParticipant? participant;
        lock (_lock)
        {
            participant = Find(participantId);
        }

        return participant?.Quality.Measure(participant);
    }

    /// <inheritdoc/>
    public void DropNextVideoPackets(string subscriberId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            Find(subscriberId)?.AddVideoDrops(count);
        }
    }

    /// <summary>The participant's internal state (tests).</summary>
    internal ForwardingParticipant? FindParticipant(string participantId)
    {
        lock (_lock)
        {
            return Find(participantId);
        }
    }

    /// <summary>The browser's side ended a session of this room (RoomService.SessionClosed).</summary>
    internal void OnSessionClosed(string sessionId, string reason)
    {
        ForwardingParticipant? participant;
        lock (_lock)
        {
            participant = _participants.Find(p => p.SessionId == sessionId);
        }

        if (participant is not null && Remove(participant.Id, reason) is not null)
        {
            _registerSession?.Invoke(participant.SessionId, null);
            ThreadPool.QueueUserWorkItem(_ => ParticipantDisconnected?.Invoke(this, new ForwardingParticipantDisconnectedEventArgs(participant.Id, reason)));
        }
    }

    /// <summary>Ends every participant's media; later joins fail.</summary>
    internal async ValueTask CloseAsync()
    {
        List<ForwardingParticipant> all;
        lock (_lock)
        {
            _closed = true;
            all = [.. _participants];
        }

        foreach (ForwardingParticipant participant in all)
        {
            if (Remove(participant.Id, "the call ended") is not null)
            {
                await EndSessionAsync(participant).ConfigureAwait(false);
            }
        }
    }

    private ForwardingParticipant? Remove(string participantId, string reason)
    {
        ForwardingParticipant? participant;
        List<string> changed = [];
        lock (_lock)
        {
            participant = Find(participantId);
            if (participant is null)
            {
                return null;
            }

            _participants.Remove(participant);
            foreach (ForwardingParticipant other in _participants)
            {
                foreach (SubscriberSlot slot in other.Slots)
                {
                    if (ReferenceEquals(slot.Occupant, participant))
                    {
                        slot.Assign(null);
                        changed.Add(other.Id);
                    }
                }
            }

            foreach (SubscriberSlot slot in participant.Slots)
            {
                slot.Assign(null);
            }

            ReleaseSsrcs(participant);
            RebuildViewers();
            ForwardingLog.Left(_logger, RoomId, participantId, reason);
        }

        participant.Peer.Sink = null;
        participant.Peer.FeedbackSink = null;
        RaiseSlotsChanged(changed);
        return participant;
    }

    private void EndSession(ForwardingParticipant participant) => _ = EndSessionAsync(participant).AsTask();

    private async ValueTask EndSessionAsync(ForwardingParticipant participant)
    {
        _registerSession?.Invoke(participant.SessionId, null);
        if (_rooms is not null)
        {
            await _rooms.LeaveAsync(participant.SessionId).ConfigureAwait(false);
        }
        else
        {
            participant.Peer.Close("left", closedLocally: true);
        }
    }

    // Under the lock: for every participant, the streams of the others that show it.
    private void RebuildViewers()
    {
        foreach (ForwardingParticipant publisher in _participants)
        {
            var audio = new List<SubscriberStream>();
            var video = new List<SubscriberStream>();
            foreach (ForwardingParticipant subscriber in _participants)
            {
                foreach (SubscriberSlot slot in subscriber.Slots)
                {
                    if (ReferenceEquals(slot.Occupant, publisher))
                    {
                        audio.Add(slot.Audio);
                        video.Add(slot.Video);
                    }
                }
            }

            publisher.AudioViewers = [.. audio];
            publisher.VideoViewers = [.. video];
            int sources = 0;
            foreach (SubscriberSlot slot in publisher.Slots)
            {
                sources += slot.Occupant is null ? 0 : 1;
            }

            publisher.VideoSourceCount = sources;
        }
    }

    private void RaiseSlotsChanged(List<string> participantIds)
    {
        if (participantIds.Count == 0 || SlotsChanged is null)
        {
            return;
        }

        var args = new ForwardingSlotsChangedEventArgs(participantIds);
        ThreadPool.QueueUserWorkItem(_ =>
        {
            try
            {
                SlotsChanged?.Invoke(this, args);
            }
            catch (Exception exception)
            {
                ForwardingLog.HandlerFailed(_logger, exception, RoomId);
            }
        });
    }

    private ForwardingParticipant? Find(string participantId)
    {
        foreach (ForwardingParticipant participant in _participants)
        {
            if (participant.Id == participantId)
            {
                return participant;
            }
        }

        return null;
    }

    // Under the lock.
    private ForwardingSsrcs[] AllocateSsrcs()
    {
        var ssrcs = new ForwardingSsrcs[ForwardingLayout.SlotCount];
        for (int i = 0; i < ssrcs.Length; i++)
        {
            ssrcs[i] = new ForwardingSsrcs(NewSsrc(), NewSsrc(), NewSsrc());
        }

        return ssrcs;
    }

    private uint NewSsrc()
    {
        while (true)
        {
            uint ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
            if (_usedSsrcs.Add(ssrc))
            {
                return ssrc;
            }
        }
    }

    private void ReleaseSsrcs(IReadOnlyList<ForwardingSsrcs> ssrcs)
    {
        foreach (ForwardingSsrcs slot in ssrcs)
        {
            _usedSsrcs.Remove(slot.Audio);
            _usedSsrcs.Remove(slot.Video);
            _usedSsrcs.Remove(slot.VideoRtx);
        }
    }

    private void ReleaseSsrcs(ForwardingParticipant participant)
    {
        foreach (SubscriberSlot slot in participant.Slots)
        {
            _usedSsrcs.Remove(slot.Audio.Ssrc);
            _usedSsrcs.Remove(slot.Video.Ssrc);
            _usedSsrcs.Remove(slot.Video.RtxSsrc);
        }
    }
}
