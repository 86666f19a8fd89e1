namespace VanYen.Media.Engine.Rooms;

// One browser and the server, without a room: the broadcast side's live microphone and WebRTC cluster receivers.
public sealed partial class RoomService
{
    /// <summary>
    /// Answers a browser's offer with a one-way audio session outside any room: <paramref name="serverReceives"/>
    /// true answers recvonly (the browser's microphone comes in), false answers sendonly (the server sends). The
    /// same ICE, DTLS and SRTP setup as a room join; the caller routes the media through the returned peer. The
    /// session ends with <see cref="LeaveAsync"/>, or on the browser's side (<see cref="SessionClosed"/>).
    /// </summary>
    /// <exception cref="RoomException">A duplicate session id, or an offer that cannot be answered.</exception>
    public async Task<DirectSession> OpenDirectSessionAsync(string sessionId, string offerSdp, bool serverReceives, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(offerSdp))
        {
            throw new RoomException("A session needs the browser's SDP offer.");
        }

        RoomRole role = serverReceives ? RoomRole.Publisher : RoomRole.Listener;
        RoomJoinResult result = await JoinAsync(new RoomJoinRequest(sessionId, RoomKind.Direct, "direct", role, offerSdp), cancellationToken).ConfigureAwait(false);
        RoomParticipant participant = Get(sessionId);
        WebRtc.WebRtcPeer peer = participant.Peer ?? throw new RoomException($"Session '{sessionId}' ended while it was being opened.");
        return new DirectSession(sessionId, result.Sdp, peer, (byte)participant.OpusPayloadType);
    }

    /// <summary>
    /// Answers a browser's offer outside any room with the per-section behaviour of <paramref name="request"/> (the
    /// meetings' bridge, the consultation SFU); the caller routes the media through the returned peer. Same ICE, DTLS
    /// and SRTP setup as a room join; ends with <see cref="LeaveAsync"/> or on the browser's side (<see cref="SessionClosed"/>).
    /// </summary>
    /// <exception cref="RoomException">A duplicate session id, or an offer that cannot be answered.</exception>
    public async Task<OpenedSession> OpenSessionAsync(SessionOpenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OfferSdp))
        {
            throw new RoomException("A session needs the browser's SDP offer.");
        }

        var join = new RoomJoinRequest(request.SessionId, RoomKind.Direct, "direct", RoomRole.Publisher, request.OfferSdp) { Custom = request };
        RoomJoinResult result = await JoinAsync(join, cancellationToken).ConfigureAwait(false);
        RoomParticipant participant = Get(request.SessionId);
        WebRtc.WebRtcPeer peer = participant.Peer ?? throw new RoomException($"Session '{request.SessionId}' ended while it was being opened.");
        return new OpenedSession(request.SessionId, result.Sdp, peer, peer.Negotiated);
    }
}
