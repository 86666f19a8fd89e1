using System.Collections.Concurrent;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Server.Broadcasting;

namespace VanYen.Media.Server.Consoles;

/// <summary>
/// What each cluster plays now, for the speaker pages (which have no user, so cannot list broadcasts): the engine
/// says which program is on air on a cluster, and the latest <see cref="BroadcastView"/> of every broadcast not yet
/// ended (followed through <see cref="IBroadcastService.Changed"/>) says what it is.
/// </summary>
public sealed class ClusterNowPlaying : IHostedService
{
    private readonly IBroadcastService? _broadcasts;
    private readonly IBroadcastEngine _engine;
    private readonly ConcurrentDictionary<string, BroadcastView> _current = new(StringComparer.Ordinal);

    /// <summary>Creates the view; it follows the broadcasts from <see cref="StartAsync"/>.</summary>
    public ClusterNowPlaying(IServiceProvider services, IBroadcastEngine engine)
    {
        // Optional like the console's: a server built without broadcasting has nothing on air.
        _broadcasts = services.GetService<IBroadcastService>();
        _engine = engine;
    }

    /// <summary>The broadcast on air on <paramref name="clusterId"/>, or null when it is idle (or the broadcast is unknown).</summary>
    public BroadcastView? Get(long clusterId)
    {
        string? programId = _engine.GetOnAirProgramId(clusterId);
        return programId is not null && _current.TryGetValue(programId, out BroadcastView? view) ? view : null;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_broadcasts is not null)
        {
            _broadcasts.Changed += OnChanged;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_broadcasts is not null)
        {
            _broadcasts.Changed -= OnChanged;
        }

        return Task.CompletedTask;
    }

    private void OnChanged(object? sender, BroadcastView view)
    {
        if (view.State == BroadcastState.Ended)
        {
            _current.TryRemove(view.Id, out _);
        }
        else
        {
            _current[view.Id] = view;
        }
    }
}
