namespace VanYen.Media.Signaling.Contracts;

/// <summary>What the hub method <c>JoinRoom</c> returns.</summary>
/// <param name="SessionId">This session's id (the SignalR connection id); the echo check's recording is found by it.</param>
/// <param name="Sdp">The answer to the browser's offer, or, when <paramref name="IsOffer"/> is true, the server's offer.</param>
/// <param name="IsOffer">True when the browser must answer <paramref name="Sdp"/> and send it back with <c>SendAnswer</c>.</param>
public sealed record JoinRoomResponse(string SessionId, string Sdp, bool IsOffer);
