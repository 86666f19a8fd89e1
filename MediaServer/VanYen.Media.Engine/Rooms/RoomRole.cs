namespace VanYen.Media.Engine.Rooms;

/// <summary>A participant's part in a room.</summary>
public enum RoomRole
{
    /// <summary>Sends media into the room (and, in an echo room, hears it back).</summary>
    Publisher,

    /// <summary>Only receives what the room sends.</summary>
    Listener,
}
