namespace VanYen.Media.Engine.Rooms;

/// <summary>What an echo or relay room does with participants whose peer is ready.</summary>
internal abstract class Room(RoomKind kind, string id)
{
    public RoomKind Kind { get; } = kind;

    public string Id { get; } = id;

    /// <summary>True while someone is in the room.</summary>
    public abstract bool IsEmpty { get; }

    /// <summary>Starts routing the participant's media (its <see cref="RoomParticipant.Peer"/> is set).</summary>
    public abstract void Add(RoomParticipant participant);

    /// <summary>Stops routing the participant's media.</summary>
    public abstract void Remove(RoomParticipant participant);
}
