using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.ReceiverAgent;

public sealed partial class ReceiverAgent
{
    private volatile HubConnection? _hub;
    private long _heartbeatsSent;

    /// <summary>The control hub connection is open.</summary>
    public bool Connected => _hub?.State == HubConnectionState.Connected;

    /// <summary>Heartbeats the server accepted.</summary>
    public long HeartbeatsSent => Interlocked.Read(ref _heartbeatsSent);

    private async Task ConnectControlAsync(DeviceLoginResponse login, CancellationToken cancellationToken)
    {
        await StopControlAsync().ConfigureAwait(false);
        string token = login.Token;
        HubConnection hub = new HubConnectionBuilder()
            .WithUrl(login.ControlHubUrl, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.HttpMessageHandlerFactory = _ => CreateHttpHandler();
                options.WebSocketConfiguration = socket => socket.RemoteCertificateValidationCallback = ValidateServerCertificate;
            })
            .Build();
        hub.On<int>(nameof(IDeviceClient.SetVolume), volume => Volume = volume);
        hub.On<bool>(nameof(IDeviceClient.SetMute), muted => _muted = muted);
        hub.On<string?, string?>(nameof(IDeviceClient.SetOnAirHours), (from, until) =>
            OnAirHours = from is not null && until is not null ? new DeviceOnAirHours(from, until) : null);
        hub.On<PreparedProgram>(nameof(IDeviceClient.PrepareProgram), program => _ = Task.Run(() => PrepareAsync(program)));
        hub.On<string>(nameof(IDeviceClient.CancelPrepared), CancelPrepared);
        hub.On<DateTimeOffset>(nameof(IDeviceClient.ServerTime), SetServerTime);
        hub.On<string?>(nameof(IDeviceClient.NowPlaying), OnNowPlaying);
        hub.Closed += exception =>
        {
            if (ReferenceEquals(_hub, hub))
            {
                LogControlClosed(_logger, exception?.Message ?? "closed by the server");
                RequestReconnect();
            }

            return Task.CompletedTask;
        };
        _hub = hub;
        await hub.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StopControlAsync()
    {
        HubConnection? hub = _hub;
        _hub = null;
        if (hub is not null)
        {
            await hub.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            await SendHeartbeatAsync(stopping).ConfigureAwait(false);
            await Task.Delay(_options.HeartbeatInterval, _time, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one heartbeat now (skipped while the network is down or the hub is not connected).</summary>
    public async Task SendHeartbeatAsync(CancellationToken cancellationToken = default)
    {
        if (NetworkDown || _hub is not { State: HubConnectionState.Connected } hub)
        {
            return;
        }

        try
        {
            await hub.InvokeAsync("Heartbeat", new DeviceHeartbeat(CurrentProgramId, Volume, Muted, BufferedPrograms), cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _heartbeatsSent);
        }
        catch (Exception exception) when (exception is HubException or InvalidOperationException or IOException)
        {
            LogControlSendFailed(_logger, exception.Message);
        }
    }

    private async Task ConfirmationLoopAsync(CancellationToken stopping)
    {
        await foreach (PlaybackConfirmation confirmation in _confirmations.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
        {
            // Store and forward: a confirmation made offline is sent when the control channel is back.
            while (!stopping.IsCancellationRequested)
            {
                if (!NetworkDown && _hub is { State: HubConnectionState.Connected } hub)
                {
                    try
                    {
                        await hub.InvokeAsync("ConfirmPlayback", confirmation, stopping).ConfigureAwait(false);
                        break;
                    }
                    catch (Exception exception) when (exception is HubException or InvalidOperationException or IOException)
                    {
                        LogControlSendFailed(_logger, exception.Message);
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), _time, stopping).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Control channel closed: {Reason}; logging in again")]
    private static partial void LogControlClosed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Control message not sent: {Reason}")]
    private static partial void LogControlSendFailed(ILogger logger, string reason);
}
