using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.Signaling.Hubs;

/// <summary>
/// The device protocol's control channel (mapped at <see cref="Path"/>): an IP speaker that logged in over HTTPS
/// connects with its device token, sends heartbeats and playback confirmations, and receives volume, mute, on-air
/// hours, prepared programs and the server time (<see cref="IDeviceClient"/>). Each connection joins the groups of
/// its receiver and of its cluster, so the server can address one device or a whole cluster.
/// </summary>
[Authorize(AuthenticationSchemes = DeviceClaimTypes.Scheme)]
public sealed class DeviceHub(IDeviceSessionObserver observer) : Hub<IDeviceClient>
{
    /// <summary>Where the host maps the hub.</summary>
    public const string Path = "/hubs/device";

    /// <summary>The longest program id accepted.</summary>
    public const int MaxProgramIdLength = 200;

    /// <summary>The most buffered program ids a heartbeat may list.</summary>
    public const int MaxBufferedPrograms = 256;

    /// <summary>The group of every connection of one receiver.</summary>
    public static string ReceiverGroup(long receiverId) => "receiver:" + receiverId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The group of every device of one cluster.</summary>
    public static string ClusterGroup(long clusterId) => "cluster:" + clusterId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reports the device's state; it counts as online while heartbeats keep coming (every 5 s).</summary>
    public Task Heartbeat(DeviceHeartbeat heartbeat)
    {
        if (heartbeat is null)
        {
            throw new HubException("Heartbeat needs a body.");
        }

        if (heartbeat.Volume is < 0 or > 100)
        {
            throw new HubException("Heartbeat volume must be 0 to 100.");
        }

        if (heartbeat.PlayingProgramId is { Length: > MaxProgramIdLength })
        {
            throw new HubException($"Heartbeat playingProgramId is longer than {MaxProgramIdLength} characters.");
        }

        if (heartbeat.BufferedPrograms is { Count: > MaxBufferedPrograms })
        {
            throw new HubException($"Heartbeat lists more than {MaxBufferedPrograms} buffered programs.");
        }

        return observer.OnHeartbeatAsync(ReceiverId, heartbeat);
    }

    /// <summary>Confirms that a program started or finished playing on this device (written to the audit log).</summary>
    public Task ConfirmPlayback(PlaybackConfirmation confirmation)
    {
        if (confirmation is null)
        {
            throw new HubException("ConfirmPlayback needs a body.");
        }

        if (string.IsNullOrWhiteSpace(confirmation.ProgramId) || confirmation.ProgramId.Length > MaxProgramIdLength)
        {
            throw new HubException($"ConfirmPlayback needs a programId of 1 to {MaxProgramIdLength} characters.");
        }

        if (!Enum.IsDefined(confirmation.Event))
        {
            throw new HubException("ConfirmPlayback event must be Started or Finished.");
        }

        return observer.OnPlaybackAsync(ReceiverId, ClusterId, confirmation);
    }

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, ReceiverGroup(ReceiverId));
        await Groups.AddToGroupAsync(Context.ConnectionId, ClusterGroup(ClusterId));
        await observer.OnConnectedAsync(ReceiverId, ClusterId, Context.ConnectionId, Context.Abort);
        await base.OnConnectedAsync();
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await observer.OnDisconnectedAsync(ReceiverId, Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private long ReceiverId => ReadClaim(DeviceClaimTypes.ReceiverId);

    private long ClusterId => ReadClaim(DeviceClaimTypes.ClusterId);

    private long ReadClaim(string type)
    {
        string? value = Context.User?.FindFirstValue(type);
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            ? id
            : throw new HubException("The connection is not authenticated as a device.");
    }
}
