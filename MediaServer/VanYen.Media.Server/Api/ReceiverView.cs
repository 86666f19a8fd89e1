using System.Globalization;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Server.Devices;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>A receiver as the API shows it (never its secret or the secret's hash).</summary>
/// <param name="Id">Database identity (also the device id of the device protocol).</param>
/// <param name="ClusterId">The cluster it plays for.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">IP speaker, browser or HTTP stream.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="LastSeen">When its device last logged in.</param>
/// <param name="Health">Null while its device is not logged in.</param>
public sealed record ReceiverView(long Id, long ClusterId, string Name, ReceiverKind Kind, DateTimeOffset CreatedAt, DateTimeOffset? LastSeen, ReceiverHealth? Health)
{
    /// <summary>A receiver whose last keepalive is older than this counts as offline.</summary>
    public static readonly TimeSpan OnlineWindow = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The view of <paramref name="receiver"/>, with health from the device protocol (<paramref name="control"/>:
    /// heartbeats, what it plays, RTCP loss and jitter) when its device logged in, else from the media registry
    /// <paramref name="devices"/> when it is registered there (device id = receiver id).
    /// </summary>
    public static ReceiverView From(Receiver receiver, IDeviceMediaRegistry? devices, IReadOnlyDictionary<long, DeviceHealth>? control, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ReceiverHealth? health = null;
        DeviceMediaStatus? status = null;
        devices?.TryGetStatus(receiver.Id.ToString(CultureInfo.InvariantCulture), out status);
        if (control is not null && control.TryGetValue(receiver.Id, out DeviceHealth? device))
        {
            health = new ReceiverHealth(
                device.Online,
                status?.LastKeepalive,
                device.Address,
                device.PacketsSent,
                device.FractionLost,
                device.JitterMilliseconds,
                device.PlayingProgramId,
                device.LastHeartbeat,
                device.ControlConnected,
                device.Volume,
                device.Muted);
        }
        else if (status is not null)
        {
            health = new ReceiverHealth(
                status.LastKeepalive is { } last && now - last < OnlineWindow,
                status.LastKeepalive,
                status.RemoteEndPoint?.ToString(),
                status.PacketsSent,
                status.FractionLost,
                status.JitterMilliseconds,
                status.PlayingProgramId);
        }

        return new ReceiverView(receiver.Id, receiver.ClusterId, receiver.Name, receiver.Kind, receiver.CreatedAt, receiver.LastSeen, health);
    }
}
