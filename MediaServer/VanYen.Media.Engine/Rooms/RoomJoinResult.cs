namespace VanYen.Media.Engine.Rooms;

/// <summary>The server's reply to a join.</summary>
/// <param name="SessionId">The session's id (as requested).</param>
/// <param name="Sdp">The answer to the browser's offer, or the server's offer when the request carried none.</param>
/// <param name="IsOffer">True when <paramref name="Sdp"/> is a server offer that the browser must answer.</param>
public sealed record RoomJoinResult(string SessionId, string Sdp, bool IsOffer);
