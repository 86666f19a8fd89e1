using System.Collections.Concurrent;
using VanYen.Media.Engine.Meetings;

namespace VanYen.Media.Integration.Tests.Meetings;

/// <summary>An <see cref="IMeetingMediaService"/> without media: one <see cref="FakeMeetingMedia"/> per meeting that records what the server asked.</summary>
internal sealed class FakeMeetingMediaService : IMeetingMediaService
{
    private readonly ConcurrentDictionary<string, FakeMeetingMedia> _bridges = new(StringComparer.Ordinal);

    public List<string> Closed { get; } = [];

    public FakeMeetingMedia this[string meetingId] => _bridges[meetingId];

    public IMeetingMedia Open(string meetingId) => _bridges.GetOrAdd(meetingId, id => new FakeMeetingMedia(id));

    public bool TryGet(string meetingId, out IMeetingMedia media)
    {
        bool found = _bridges.TryGetValue(meetingId, out FakeMeetingMedia? bridge);
        media = bridge!;
        return found;
    }

    public ValueTask CloseAsync(string meetingId)
    {
        lock (Closed)
        {
            Closed.Add(meetingId);
        }

        _bridges.TryRemove(meetingId, out _);
        return ValueTask.CompletedTask;
    }
}
