namespace VanYen.Media.Engine.Rooms;

/// <summary>A session ended on the server's side (consent lost, DTLS failed, fingerprint mismatch, room closed).</summary>
/// <param name="sessionId">The session that ended.</param>
/// <param name="reason">Why, in words a user or operator can act on.</param>
public sealed class RoomSessionClosedEventArgs(string sessionId, string reason) : EventArgs
{
    public string SessionId { get; } = sessionId;

    public string Reason { get; } = reason;
}
