using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Signaling.Contracts.Consultations;

namespace VanYen.Media.Server.Consultations;

/// <summary>Stands in when the host has no SFU: consultations open and admit, and media is refused with the reason.</summary>
internal sealed class UnavailableForwardingService : IForwardingService
{
    public IForwardingRoom Open(string roomId) =>
        throw new ConsultationException(503, ConsultationErrors.MediaUnavailable, "Video calls are not available on this server.");

    public bool TryGet(string roomId, out IForwardingRoom room)
    {
        room = null!;
        return false;
    }

    public ValueTask CloseAsync(string roomId) => ValueTask.CompletedTask;
}
