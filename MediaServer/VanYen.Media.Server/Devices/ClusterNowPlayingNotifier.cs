using System.Threading.Channels;
using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.Server.Devices;

/// <summary>
/// Follows the broadcast engine and tells each affected cluster's devices which live program its stream carries
/// (<see cref="IDeviceControl.NotifyNowPlayingAsync"/>), so they confirm "started/finished playing" to the audit log.
/// </summary>
/// <remarks>
/// The engine's event thread only enqueues the cluster ids; one task asks the engine what is on air on each cluster
/// and sends it, so a slow hub never holds up the engine's events and the latest state always wins.
/// </remarks>
public sealed partial class ClusterNowPlayingNotifier : BackgroundService
{
    private readonly IBroadcastEngine _engine;
    private readonly IDeviceControl _devices;
    private readonly ILogger<ClusterNowPlayingNotifier> _logger;
    private readonly Channel<long> _changedClusters = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<long, string?> _announced = [];

    /// <summary>Subscribes to <paramref name="engine"/> at once, so no change before the host starts is lost.</summary>
    public ClusterNowPlayingNotifier(IBroadcastEngine engine, IDeviceControl devices, ILogger<ClusterNowPlayingNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _devices = devices;
        _logger = logger;
        _engine.Changed += OnEngineChanged;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _engine.Changed -= OnEngineChanged;
        _changedClusters.Writer.TryComplete();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (long clusterId in _changedClusters.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                string? onAir = _engine.GetOnAirProgramId(clusterId);
                if (_announced.TryGetValue(clusterId, out string? last) && string.Equals(last, onAir, StringComparison.Ordinal))
                {
                    continue;
                }

                try
                {
                    await _devices.NotifyNowPlayingAsync(clusterId, onAir, stoppingToken).ConfigureAwait(false);
                    _announced[clusterId] = onAir;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogNotifyFailed(exception, clusterId, onAir);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void OnEngineChanged(object? sender, BroadcastEventArgs change)
    {
        foreach (long clusterId in change.ClusterIds)
        {
            _changedClusters.Writer.TryWrite(clusterId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell cluster {ClusterId}'s devices that {ProgramId} is on air")]
    private partial void LogNotifyFailed(Exception exception, long clusterId, string? programId);
}
