using VanYen.Media.Engine.Rooms;

namespace VanYen.Media.Signaling.Hosting;

/// <summary>
/// Stands in when the host registered no <see cref="IRoomService"/> (an engine built without rooms):
/// the hub still starts and validates requests, and every join is refused with the reason.
/// </summary>
internal sealed class UnavailableRoomService : IRoomService
{
    private const string Reason = "Media rooms are not available on this server.";

    /// <inheritdoc />
    public event EventHandler<RoomSessionClosedEventArgs>? SessionClosed
    {
        add { }
        remove { }
    }

    public Task<RoomJoinResult> JoinAsync(RoomJoinRequest request, CancellationToken cancellationToken) => throw new RoomException(Reason);

    public Task<string> RenegotiateAsync(string sessionId, string offerSdp, CancellationToken cancellationToken) => throw new RoomException(Reason);

    public Task AcceptAnswerAsync(string sessionId, string answerSdp, CancellationToken cancellationToken) => throw new RoomException(Reason);

    public Task LeaveAsync(string sessionId) => Task.CompletedTask;

    public bool TryGetReceivedAudio(string sessionId, out short[] samples)
    {
        samples = [];
        return false;
    }
}
