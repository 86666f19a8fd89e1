namespace VanYen.Media.Engine.Rooms;

/// <summary>
/// What the signaling layer asks of the engine's rooms. Owned by the engine so
/// that hubs depend on it, never the other way round. Failures that the caller
/// should show throw <see cref="RoomException"/> with the reason.
/// </summary>
public interface IRoomService
{
    /// <summary>Raised when a session ends on the server's side.</summary>
    event EventHandler<RoomSessionClosedEventArgs>? SessionClosed;

    /// <summary>Joins a room with the browser's offer (answered) or without one (the server offers).</summary>
    Task<RoomJoinResult> JoinAsync(RoomJoinRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Answers a new offer from a joined browser (renegotiation); ICE and DTLS continue. Throws
    /// <see cref="RoomException"/> for an unknown session, an ICE restart (other ICE credentials) or another DTLS fingerprint.
    /// </summary>
    Task<string> RenegotiateAsync(string sessionId, string offerSdp, CancellationToken cancellationToken);

    /// <summary>Takes the browser's answer to a server offer.</summary>
    Task AcceptAnswerAsync(string sessionId, string answerSdp, CancellationToken cancellationToken);

    /// <summary>Ends a session; unknown ids are ignored.</summary>
    Task LeaveAsync(string sessionId);

    /// <summary>
    /// The audio the server decoded from an echo session, 48 kHz mono, the most
    /// recent 30 s at most: lets a user (and a test) hear what reached the server.
    /// False for an unknown session or one that is not in an echo room.
    /// </summary>
    bool TryGetReceivedAudio(string sessionId, out short[] samples);
}
