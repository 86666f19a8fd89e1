namespace VanYen.Media.Engine.Rooms;

/// <summary>What a room does with the media its participants send.</summary>
public enum RoomKind
{
    /// <summary>The participant's audio is decoded, re-encoded and sent back to them: a mic and speaker check.</summary>
    Echo,

    /// <summary>A publisher's audio is forwarded, without transcoding, to every listener of the room.</summary>
    Relay,

    /// <summary>
    /// No room: one browser and the server, media routed by whoever opened the session (a live broadcast's microphone,
    /// a cluster's program to a browser receiver); see <see cref="RoomService.OpenDirectSessionAsync"/>.
    /// </summary>
    Direct,
}
