namespace VanYen.Media.Signaling.Contracts;

/// <summary>The argument of the hub method <c>JoinRoom</c>.</summary>
/// <param name="Kind">"echo" (hear yourself back) or "relay" (a publisher's audio forwarded to listeners).</param>
/// <param name="RoomId">The room's name: 1 to 64 characters among a–z, 0–9 and '-'. Rooms are created on first join.</param>
/// <param name="Role">"publisher" (sends audio) or "listener" (only receives).</param>
/// <param name="OfferSdp">
/// The browser's offer. Required for a publisher; a listener leaves it null to get the server's offer,
/// which it answers with <c>SendAnswer</c>.
/// </param>
public sealed record JoinRoomRequest(string Kind, string RoomId, string Role, string? OfferSdp);
