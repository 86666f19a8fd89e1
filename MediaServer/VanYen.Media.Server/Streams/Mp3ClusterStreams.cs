using System.Collections.Concurrent;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Streams;

namespace VanYen.Media.Server.Streams;

/// <summary>
/// The MP3 stream of each cluster, created on first request: all MP3 listeners of a cluster share its one ffmpeg
/// encoder (which runs only while someone listens).
/// </summary>
public sealed class Mp3ClusterStreams(IBroadcastEngine engine) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, Mp3ClusterStream> _streams = new();

    /// <summary>The cluster's shared MP3 stream.</summary>
    public Mp3ClusterStream Get(long clusterId) => _streams.GetOrAdd(clusterId, id => new Mp3ClusterStream(engine.GetChannel(id)));

    /// <summary>Stops every encoder.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (Mp3ClusterStream stream in _streams.Values)
        {
            await stream.DisposeAsync();
        }
    }
}
