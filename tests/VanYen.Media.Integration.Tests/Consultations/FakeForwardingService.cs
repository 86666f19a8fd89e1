using System.Collections.Concurrent;
using VanYen.Media.Engine.Forwarding;

namespace VanYen.Media.Integration.Tests.Consultations;

/// <summary>An SFU stand-in that records what the consultation service asks of it.</summary>
internal sealed class FakeForwardingService : IForwardingService
{
    public ConcurrentDictionary<string, FakeForwardingRoom> Rooms { get; } = new(StringComparer.Ordinal);

    public List<string> Closed { get; } = [];

    public IForwardingRoom Open(string roomId) => Rooms.GetOrAdd(roomId, id => new FakeForwardingRoom(id));

    public bool TryGet(string roomId, out IForwardingRoom room)
    {
        bool found = Rooms.TryGetValue(roomId, out FakeForwardingRoom? fake);
        room = fake!;
        return found;
    }

    public ValueTask CloseAsync(string roomId)
    {
        lock (Closed)
        {
            Closed.Add(roomId);
        }

        Rooms.TryRemove(roomId, out _);
        return ValueTask.CompletedTask;
    }
}
