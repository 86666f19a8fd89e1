using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Sources.Chime;

namespace VanYen.Media.Engine.Broadcast;

/// <summary>
/// The broadcast engine: on every 20 ms tick of a <see cref="MediaClock"/> it applies queued starts and cancels,
/// arbitrates each cluster by priority, reads one frame of every program on air somewhere, applies its gain and
/// limiter, encodes it once with Opus and publishes it to each <see cref="ClusterChannel"/> where it is heard.
/// </summary>
/// <remarks>
/// <para>
/// Threads: <see cref="Start"/>, <see cref="Cancel"/> and the queries run on any thread; they only queue commands
/// and read snapshots. <see cref="OnTick"/> runs on the clock's thread and owns all program state. Events are
/// raised in order by a task draining a channel, never on the clock's thread.
/// </para>
/// <para>
/// A tick allocates nothing in steady state: each program's PCM and Opus buffers, encoder and limiter are made at
/// start; the silent frame is encoded once. Sources are opened on the thread pool (see
/// <see cref="BroadcastEngineOptions.OpenSourcesOnClockThread"/>) and read one frame ahead; a source not ready
/// holds its clusters with silence rather than stall the clock.
/// </para>
/// </remarks>
public sealed partial class BroadcastEngine : IBroadcastEngine, IMediaClockHandler, IDisposable
{
    private const int FrameLength = 960;

    private readonly BroadcastEngineOptions _options;
    private readonly MediaClock? _clock;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly short[] _chimeSamples;
    private readonly byte[] _silenceOpus;
    private readonly short[] _zeros = new short[FrameLength];
    private readonly ConcurrentDictionary<string, BroadcastProgram> _programs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, BroadcastCluster> _clustersById = new();
    private readonly ConcurrentQueue<BroadcastCommand> _commands = new();
    private readonly Lock _clustersLock = new();
    private readonly Lock _startLock = new();
    private readonly Lock _tickLock = new();
    private readonly List<BroadcastProgram> _active = [];
    private readonly Queue<BroadcastProgram> _ended = new();
    private readonly Channel<BroadcastEventArgs> _events = Channel.CreateUnbounded<BroadcastEventArgs>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _eventPump;
    private volatile BroadcastCluster[] _clusters = [];
    private long _sequence;
    private long _ticks;
    private bool _disposed;

    /// <summary>
    /// Creates the engine. With a <paramref name="clock"/>, the engine adds itself to it (start the clock yourself)
    /// and removes itself on <see cref="Dispose"/>; without one, call <see cref="OnTick"/> every 20 ms yourself.
    /// </summary>
    public BroadcastEngine(MediaClock? clock = null, BroadcastEngineOptions? options = null, TimeProvider? timeProvider = null, ILogger<BroadcastEngine>? logger = null)
    {
        options ??= new BroadcastEngineOptions();
        options.Validate();
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _chimeSamples = ChimeGenerator.Render(options.Chime);
        using (var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Bitrate = options.OpusBitrate, Application = options.OpusApplication }))
        {
            var packet = new byte[ClusterChannel.MaxPayloadLength];
            int length = encoder.Encode(_zeros, packet);
            _silenceOpus = packet.AsSpan(0, length).ToArray();
        }

        _eventPump = Task.Run(PumpEventsAsync);
        _clock = clock;
        clock?.Add(this);
    }

    /// <inheritdoc />
    public event EventHandler<BroadcastEventArgs>? Changed;

    /// <summary>The engine's settings.</summary>
    public BroadcastEngineOptions Options => _options;

    /// <summary>Ticks run so far.</summary>
    public long TickCount => Interlocked.Read(ref _ticks);

    /// <summary>The encoded silent frame published on idle clusters and while a program waits for its source.</summary>
    public ReadOnlySpan<byte> SilentOpusFrame => _silenceOpus;

    /// <inheritdoc />
    public BroadcastProgramStatus Start(BroadcastProgramRequest request)
    {
        Validate(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        BroadcastProgram program;
        lock (_startLock)
        {
            if (_programs.TryGetValue(request.Id, out BroadcastProgram? existing) && existing.Status.State != ProgramState.Ended)
            {
                throw new ArgumentException($"A program with id '{request.Id}' is already live.", nameof(request));
            }

            program = new BroadcastProgram(request, Interlocked.Increment(ref _sequence), _timeProvider.GetUtcNow(), _options, _chimeSamples, _logger);
            _programs[request.Id] = program;
        }

        foreach (long clusterId in request.ClusterIds)
        {
            GetCluster(clusterId);
        }

        _commands.Enqueue(new BroadcastCommand(program, IsStart: true, Clusters: null));
        BroadcastLog.ProgramStarted(_logger, request.Id, request.Title, request.Priority, request.ClusterIds.Count);
        return program.Status;
    }

    /// <inheritdoc />
    public bool Cancel(string programId, IReadOnlyCollection<long>? clusterIds = null)
    {
        ArgumentNullException.ThrowIfNull(programId);
        if (!_programs.TryGetValue(programId, out BroadcastProgram? program) || program.Status.State == ProgramState.Ended)
        {
            return false;
        }

        _commands.Enqueue(new BroadcastCommand(program, IsStart: false, clusterIds is null ? null : [.. clusterIds]));
        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<BroadcastProgramStatus> GetPrograms()
    {
        var programs = new List<BroadcastProgramStatus>();
        foreach (BroadcastProgram program in _programs.Values)
        {
            BroadcastProgramStatus status = program.Status;
            if (status.State != ProgramState.Ended)
            {
                programs.Add(status);
            }
        }

        programs.Sort(static (a, b) => a.StartedAt.CompareTo(b.StartedAt));
        return programs;
    }

    /// <inheritdoc />
    public bool TryGetProgram(string programId, out BroadcastProgramStatus? status)
    {
        ArgumentNullException.ThrowIfNull(programId);
        if (_programs.TryGetValue(programId, out BroadcastProgram? program))
        {
            status = program.Status;
            return true;
        }

        status = null;
        return false;
    }

    /// <inheritdoc />
    public string? GetOnAirProgramId(long clusterId) =>
        _clustersById.TryGetValue(clusterId, out BroadcastCluster? cluster) ? cluster.Holder?.Id : null;

    /// <inheritdoc />
    public ClusterChannel GetChannel(long clusterId) => GetCluster(clusterId).Channel;

    /// <summary>Stops ticking, ends every program (Ended, <see cref="ProgramEndReason.Cancelled"/>), disposes their sources and delivers the last events.</summary>
    public void Dispose()
    {
        _clock?.Remove(this);
        lock (_tickLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            DateTimeOffset now = _timeProvider.GetUtcNow();
            while (_commands.TryDequeue(out BroadcastCommand command))
            {
                if (command.IsStart)
                {
                    _active.Add(command.Program);
                }
            }

            for (int i = _active.Count - 1; i >= 0; i--)
            {
                EndProgram(_active[i], ProgramEndReason.Cancelled, now);
            }

            foreach (BroadcastCluster cluster in _clusters)
            {
                cluster.Holder = null;
            }
        }

        _events.Writer.TryComplete();
        _eventPump.Wait(TimeSpan.FromSeconds(2));
    }

    private static void Validate(BroadcastProgramRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Id, nameof(request));
        ArgumentNullException.ThrowIfNull(request.ClusterIds, nameof(request));
        ArgumentNullException.ThrowIfNull(request.CreateSource, nameof(request));
        if (request.ClusterIds.Count == 0)
        {
            throw new ArgumentException("A program needs at least one cluster.", nameof(request));
        }

        var seen = new HashSet<long>();
        foreach (long clusterId in request.ClusterIds)
        {
            if (!seen.Add(clusterId))
            {
                throw new ArgumentException($"Cluster {clusterId} is listed twice.", nameof(request));
            }
        }

        if (double.IsNaN(request.GainDecibels) || request.GainDecibels < BroadcastProgramRequest.MinGainDecibels || request.GainDecibels > BroadcastProgramRequest.MaxGainDecibels)
        {
            throw new ArgumentException($"Gain must be between {BroadcastProgramRequest.MinGainDecibels} and +{BroadcastProgramRequest.MaxGainDecibels} dB; got {request.GainDecibels}.", nameof(request));
        }

        if (request.Repetitions is <= 0)
        {
            throw new ArgumentException($"Repetitions must be at least 1 (or null to repeat until cancelled); got {request.Repetitions}.", nameof(request));
        }

        if (request.GapBetweenRepetitions < TimeSpan.Zero)
        {
            throw new ArgumentException("The gap between repetitions cannot be negative.", nameof(request));
        }
    }

    private BroadcastCluster GetCluster(long clusterId)
    {
        if (_clustersById.TryGetValue(clusterId, out BroadcastCluster? cluster))
        {
            return cluster;
        }

        lock (_clustersLock)
        {
            if (_clustersById.TryGetValue(clusterId, out cluster))
            {
                return cluster;
            }

            cluster = new BroadcastCluster(clusterId, new ClusterChannel(clusterId, _logger));
            _clusters = [.. _clusters, cluster];
            _clustersById[clusterId] = cluster;
            return cluster;
        }
    }
}
