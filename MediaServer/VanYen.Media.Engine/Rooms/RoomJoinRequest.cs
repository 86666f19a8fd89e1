namespace VanYen.Media.Engine.Rooms;

/// <summary>A browser asks to join a room.</summary>
/// <param name="SessionId">Identifies this participant's session from now on (the signaling layer picks it, e.g. the hub connection id).</param>
/// <param name="Kind">The kind of room.</param>
/// <param name="RoomId">The room's name; rooms are created on first join.</param>
/// <param name="Role">Publisher or listener.</param>
/// <param name="OfferSdp">The browser's offer, or null to have the server make the offer (the browser answers with <see cref="IRoomService.AcceptAnswerAsync"/>).</param>
public sealed record RoomJoinRequest(string SessionId, RoomKind Kind, string RoomId, RoomRole Role, string? OfferSdp)
{
    /// <summary>For <see cref="RoomKind.Direct"/> sessions opened with <see cref="RoomService.OpenSessionAsync"/>: how to answer.</summary>
    internal SessionOpenRequest? Custom { get; init; }
}
