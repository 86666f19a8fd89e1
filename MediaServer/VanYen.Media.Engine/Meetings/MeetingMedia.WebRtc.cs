using System.Globalization;
using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Meetings;

// Browsers: the offer is answered by the room service (ICE, DTLS, SRTP) with one sendrecv audio section.
internal sealed partial class MeetingMedia
{
    // Opus with in-band FEC and DTX (RFC 7587 §6.1): the browser then sends almost nothing while its user is silent.
    private static readonly SdpCodecCapability OpusWithDtx = SdpCodecCapability.Opus with
    {
        AnswerParameters = [new SdpFmtpParameter("minptime", "10"), new SdpFmtpParameter("useinbandfec", "1"), new SdpFmtpParameter("usedtx", "1")],
    };

    /// <inheritdoc/>
    public async Task<string> JoinWebRtcAsync(string participantId, string offerSdp, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(participantId);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
        }

        uint ssrc = NewSsrc();
        string ssrcText = ssrc.ToString(CultureInfo.InvariantCulture);
        string sessionId = "meeting:" + MeetingId + ":" + participantId + ":" + Guid.NewGuid().ToString("N");
        var request = new SessionOpenRequest(sessionId, offerSdp)
        {
            Audio = new SdpLocalMedia(SdpDirection.SendRecv, new SdpSendStream("vanyen-meeting", "mix-" + ssrcText, ssrc, "vanyen-meeting-" + ssrcText)),
            AudioCodecs = [OpusWithDtx],
            HeaderExtensions = [AudioLevelExtension.Uri],
        };
        OpenedSession session = await _service.Rooms.OpenSessionAsync(request, cancellationToken).ConfigureAwait(false);

        NegotiatedMedia? audio = null;
        foreach (NegotiatedMedia media in session.Negotiated.Media)
        {
            if (media.Kind == SdpMediaKind.Audio && media.Accepted && media.FindCodec("opus") is not null)
            {
                audio = media;
                break;
            }
        }

        if (audio is null)
        {
            _service.EndSession(sessionId);
            throw new RoomException("The offer has no audio section with Opus that the bridge can answer.");
        }

        NegotiatedCodec opus = audio.FindCodec("opus")!;
        var participant = new MeetingParticipant(this, participantId, NewInput(), ssrc, (byte)opus.PayloadType, audio.FindExtensionId(AudioLevelExtension.Uri) ?? 0)
        {
            Peer = session.Peer,
            SessionId = sessionId,
        };
        lock (_lock)
        {
            if (_closed)
            {
                participant.Dispose();
                _service.EndSession(sessionId);
                throw new ObjectDisposedException(nameof(MeetingMedia));
            }

            RemoveLocked(participantId);
            AddLocked(participant);
        }

        WebRtcPeer peer = session.Peer;
        peer.Closed += (_, e) => OnPeerClosed(participant, e);
        peer.Sink = participant;
        if (peer.IsClosed)
        {
            OnPeerClosed(participant, new WebRtcPeerClosedEventArgs(peer.CloseReason ?? "closed", closedLocally: false));
        }

        LogJoined(_logger, MeetingId, participantId, "WebRTC");
        return session.AnswerSdp;
    }

    private void OnPeerClosed(MeetingParticipant participant, WebRtcPeerClosedEventArgs e)
    {
        if (e.ClosedLocally)
        {
            return;
        }

        Disconnect(participant, "WebRTC closed: " + e.Reason);
    }

    /// <summary>Removes a participant whose media ended on its side, and says so (off the media thread).</summary>
    private void Disconnect(MeetingParticipant participant, string reason)
    {
        lock (_lock)
        {
            if (participant.Ended || !_byId.TryGetValue(participant.Id, out MeetingParticipant? current) || !ReferenceEquals(current, participant))
            {
                return;
            }

            RemoveLocked(participant.Id);
        }

        LogLeft(_logger, MeetingId, participant.Id, reason);
        var args = new MeetingParticipantDisconnectedEventArgs(participant.Id, reason);
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Meeting.RaiseDisconnected(state.Args), (Meeting: this, Args: args), preferLocal: false);
    }

    private void RaiseDisconnected(MeetingParticipantDisconnectedEventArgs args)
    {
        try
        {
            ParticipantDisconnected?.Invoke(this, args);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogHandlerFailed(_logger, MeetingId, exception);
        }
    }
}
