namespace VanYen.Media.Engine.Forwarding;

/// <summary>The small SFU calls (teleconsultation) that are open: one <see cref="IForwardingRoom"/> per call.</summary>
public interface IForwardingService
{
    /// <summary>The room of <paramref name="roomId"/>, created on first use.</summary>
    IForwardingRoom Open(string roomId);

    /// <summary>The room of <paramref name="roomId"/> if it is open.</summary>
    bool TryGet(string roomId, out IForwardingRoom room);

    /// <summary>Ends every participant's media and forgets the room; unknown ids are ignored.</summary>
    ValueTask CloseAsync(string roomId);
}
