using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Rooms;

// Offer/answer, peer creation and the end of a session.
public sealed partial class RoomService
{
    private const string AudioMid = "0";

    private static SdpDirection DirectionFor(RoomParticipant participant) => (participant.Kind, participant.Role) switch
    {
        (RoomKind.Echo, _) => SdpDirection.SendRecv,
        (RoomKind.Relay or RoomKind.Direct, RoomRole.Publisher) => SdpDirection.RecvOnly,
        _ => SdpDirection.SendOnly,
    };

    private static SdpSendStream SendStreamFor(RoomParticipant participant) =>
        new("vanyen-" + participant.RoomId, "audio-" + participant.Ssrc.ToString(System.Globalization.CultureInfo.InvariantCulture), participant.Ssrc, participant.CName);

    private RoomJoinResult Answer(RoomParticipant participant, string offerSdp)
    {
        NegotiatedSession negotiated = Negotiate(participant, offerSdp, sessionId: null, sessionVersion: 1);
        Connect(participant, negotiated);
        return new RoomJoinResult(participant.SessionId, negotiated.LocalSdp, IsOffer: false);
    }

    private NegotiatedSession Negotiate(RoomParticipant participant, string offerSdp, string? sessionId, ulong sessionVersion)
    {
        var options = new SdpAnswerOptions
        {
            IceUfrag = participant.IceSession.LocalUfrag,
            IcePassword = participant.IceSession.LocalPassword,
            Fingerprint = _fingerprint,
            HostCandidates = HostCandidates(),
            VideoCodecs = [],
            HeaderExtensions = [AudioLevelExtension.Uri],
            Audio = new SdpLocalMedia(DirectionFor(participant), SendStreamFor(participant)),
            SessionId = sessionId,
            SessionVersion = sessionVersion,
        };
        if (participant.Custom is { } custom)
        {
            options = options with
            {
                AudioCodecs = custom.AudioCodecs,
                VideoCodecs = custom.VideoCodecs,
                HeaderExtensions = custom.HeaderExtensions,
                RtcpFeedback = custom.RtcpFeedback ?? options.RtcpFeedback,
                Audio = custom.Audio,
                Video = custom.Video,
                MediaByMid = custom.MediaByMid,
            };
        }

        try
        {
            return SdpAnswerer.CreateAnswer(offerSdp, options);
        }
        catch (Exception exception) when (exception is SdpParseException or SdpNegotiationException)
        {
            throw new RoomException("The offer cannot be answered: " + exception.Message, exception);
        }
    }

    private RoomJoinResult Offer(RoomParticipant participant)
    {
        var media = new SdpOfferMedia(SdpMediaKind.Audio, AudioMid)
        {
            Direction = DirectionFor(participant),
            Codecs = [SdpOfferCodec.Opus()],
            HeaderExtensions = [new SdpExtmap(1, null, AudioLevelExtension.Uri)],
            SendStream = DirectionFor(participant).Sends() ? SendStreamFor(participant) : null,
        };
        SessionDescription offer = SdpOfferer.CreateOffer(new SdpOfferOptions
        {
            IceUfrag = participant.IceSession.LocalUfrag,
            IcePassword = participant.IceSession.LocalPassword,
            Fingerprint = _fingerprint,
            HostCandidates = HostCandidates(),
            Media = [media],
        });
        participant.PendingOffer = offer;
        return new RoomJoinResult(participant.SessionId, offer.ToString(), IsOffer: true);
    }

    private void Connect(RoomParticipant participant, NegotiatedSession negotiated)
    {
        participant.ApplyNegotiation(negotiated);
        var peer = new WebRtcPeer(
            participant.SessionId,
            _endpoint,
            participant.IceSession,
            negotiated,
            _certificate,
            new WebRtcPeerOptions { Dtls = _dtlsOptions, LocalSsrc = participant.Ssrc, CName = participant.CName })
        {
            Tag = participant,
        };
        participant.Peer = peer;
        peer.Closed += OnPeerClosed;
        if (participant.Kind == RoomKind.Direct)
        {
            // The opener routes the media (RoomService.Direct.cs).
            if (peer.IsClosed)
            {
                OnPeerClosed(peer, new WebRtcPeerClosedEventArgs(peer.CloseReason ?? "closed", closedLocally: false));
            }

            return;
        }

        Room room;
        lock (_roomsLock)
        {
            string key = participant.Kind + "/" + participant.RoomId;
            if (!_rooms.TryGetValue(key, out Room? existing))
            {
                existing = participant.Kind == RoomKind.Echo
                    ? new EchoRoom(participant.RoomId, _clock, (int)(_options.ReceivedAudioLength.TotalSeconds * 48000))
                    : new RelayRoom(participant.RoomId);
                _rooms.Add(key, existing);
            }

            room = existing;
            participant.Room = room;
            room.Add(participant);
        }

        if (peer.IsClosed)
        {
            OnPeerClosed(peer, new WebRtcPeerClosedEventArgs(peer.CloseReason ?? "closed", closedLocally: false));
        }
    }

    private void OnPeerClosed(object? sender, WebRtcPeerClosedEventArgs e)
    {
        if (sender is WebRtcPeer { Tag: RoomParticipant participant })
        {
            End(participant, e.Reason, raise: !e.ClosedLocally);
        }
    }

    private void End(RoomParticipant participant, string reason, bool raise)
    {
        if (!_participants.TryRemove(KeyValuePair.Create(participant.SessionId, participant)))
        {
            return;
        }

        lock (_roomsLock)
        {
            if (participant.Room is { } room)
            {
                room.Remove(participant);
                if (room.IsEmpty)
                {
                    _rooms.Remove(room.Kind + "/" + room.Id);
                }
            }
        }

        participant.Peer?.Close(reason, closedLocally: !raise);
        _endpoint.Agent.Remove(participant.IceSession);
        LogEnded(_logger, participant.SessionId, reason);
        if (raise)
        {
            SessionClosed?.Invoke(this, new RoomSessionClosedEventArgs(participant.SessionId, reason));
        }
    }
}
