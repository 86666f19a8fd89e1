using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Rooms;

namespace VanYen.Media.Server.Meetings;

/// <summary>Stands in while the server has no audio bridge: meetings, lobby and chair actions work, media is refused with the reason.</summary>
public sealed class UnavailableMeetingMediaService : IMeetingMediaService
{
    /// <inheritdoc />
    public IMeetingMedia Open(string meetingId) => throw new RoomException("The meeting audio bridge is not available on this server.");

    /// <inheritdoc />
    public bool TryGet(string meetingId, out IMeetingMedia media)
    {
        media = null!;
        return false;
    }

    /// <inheritdoc />
    public ValueTask CloseAsync(string meetingId) => ValueTask.CompletedTask;
}
