using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Loudness;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Chime;

namespace VanYen.Media.Engine.Broadcast;

/// <summary>
/// One program inside the engine: its targets and where it holds the air (clock thread), its source state machine
/// and its audio buffers, encoder and limiter, all allocated once at start so a tick allocates nothing.
/// </summary>
internal sealed partial class BroadcastProgram
{
    private const int FrameLength = 960;

    private readonly BroadcastProgramRequest _request;
    private readonly long[] _targetOrder;
    private readonly short[] _readBuffer = new short[FrameLength];
    private readonly Memory<short> _readMemory;
    private readonly Memory<short> _pcmMemory;
    private readonly OpusAudioEncoder _encoder;
    private readonly Limiter _limiter;
    private readonly LoudnessNormalizer? _normalizer;
    private readonly ChimeGenerator? _chime;
    private readonly float _gain;
    private readonly int _gapTicks;
    private readonly bool _openOnClockThread;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lifetime = new();
    private volatile BroadcastProgramStatus _status;

    public BroadcastProgram(BroadcastProgramRequest request, long sequence, DateTimeOffset startedAt, BroadcastEngineOptions options, short[] chimeSamples, ILogger logger)
    {
        _request = request;
        Sequence = sequence;
        StartedAt = startedAt;
        _targetOrder = [.. request.ClusterIds];
        Targets = [.. _targetOrder];
        _readMemory = _readBuffer;
        _pcmMemory = Pcm;
        _encoder = new OpusAudioEncoder(new OpusEncoderOptions
        {
            Bitrate = options.OpusBitrate,
            Complexity = options.OpusComplexity,
            Application = options.OpusApplication,
        });
        _limiter = new Limiter(options.Limiter);
        _normalizer = request.NormalizeLoudness ? new LoudnessNormalizer(options.Normalizer) : null;
        _chime = request.Chime ? ChimeGenerator.FromRendered(chimeSamples) : null;
        _gain = (float)Math.Pow(10, request.GainDecibels / 20);
        _gapTicks = (int)Math.Ceiling(request.GapBetweenRepetitions.TotalMilliseconds / 20);
        _openOnClockThread = options.OpenSourcesOnClockThread;
        _logger = logger;
        _status = BuildStatus([], _targetOrder);
    }

    public string Id => _request.Id;

    public ProgramPriority Priority => _request.Priority;

    public PreemptedProgramPolicy WhenPreempted => _request.WhenPreempted;

    /// <summary>Start order: between equal priorities with no holder, the earlier program wins.</summary>
    public long Sequence { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset EndedAt { get; private set; }

    /// <summary>Clusters it still targets (cancel removes them). Clock thread only.</summary>
    public HashSet<long> Targets { get; }

    /// <summary>Clusters it has been heard on at least once (a return there is a resume). Clock thread only.</summary>
    public HashSet<long> EverOnAir { get; } = [];

    /// <summary>Where it holds the air at this tick, rebuilt by every arbitration. Clock thread only.</summary>
    public List<BroadcastCluster> OnAirClusters { get; } = new(4);

    /// <summary>Clusters it got for the first time at this tick.</summary>
    public List<long> NewlyOnAir { get; } = new(4);

    /// <summary>Clusters it got back at this tick.</summary>
    public List<long> Resumed { get; } = new(4);

    /// <summary>Clusters taken from it at this tick, with the program that took each one.</summary>
    public List<(long ClusterId, BroadcastProgram By)> PreemptedBy { get; } = new(4);

    public bool IsActive { get; private set; }

    public bool IsEnded { get; private set; }

    /// <summary>The status changed at this tick (clusters, repetition): rebuild the snapshot.</summary>
    public bool StatusDirty { get; set; }

    /// <summary>The PCM of this tick (after <see cref="Encode"/>: gained and limited).</summary>
    public short[] Pcm { get; } = new short[FrameLength];

    /// <summary>The Opus packet of this tick (the first <see cref="Encode"/> bytes).</summary>
    public byte[] Opus { get; } = new byte[ClusterChannel.MaxPayloadLength];

    /// <summary>Why the source failed, once <see cref="ProgramFrameKind.Failed"/> was returned.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The latest snapshot, safe to read from any thread.</summary>
    public BroadcastProgramStatus Status => _status;

    public void Activate() => IsActive = true;

    /// <summary>Applies gain, loudness normalization and the limiter to <see cref="Pcm"/> and encodes it once.</summary>
    public int Encode()
    {
        Span<short> pcm = Pcm;
        _normalizer?.Process(pcm);
        _limiter.Process(pcm, _gain);
        return _encoder.Encode(pcm, Opus);
    }

    /// <summary>Rebuilds <see cref="Status"/> from the clock thread's state (allocates: only when something changed).</summary>
    public void RefreshStatus()
    {
        StatusDirty = false;
        var onAir = new long[OnAirClusters.Count];
        for (int i = 0; i < onAir.Length; i++)
        {
            onAir[i] = OnAirClusters[i].Id;
        }

        var waiting = new List<long>(_targetOrder.Length);
        if (!IsEnded)
        {
            foreach (long cluster in _targetOrder)
            {
                if (Targets.Contains(cluster) && Array.IndexOf(onAir, cluster) < 0)
                {
                    waiting.Add(cluster);
                }
            }
        }

        _status = BuildStatus(onAir, [.. waiting]);
    }

    /// <summary>Marks the program ended and releases its source (in the background) and its encoder.</summary>
    public void End(ProgramEndReason reason, DateTimeOffset at)
    {
        IsEnded = true;
        IsActive = false;
        EndReason = reason;
        EndedAt = at;
        OnAirClusters.Clear();
        ReleaseAll();
        _encoder.Dispose();
        RefreshStatus();
    }

    private ProgramEndReason? EndReason { get; set; }

    private BroadcastProgramStatus BuildStatus(long[] onAir, long[] waiting) => new(
        _request.Id,
        _request.Title,
        _request.Priority,
        IsEnded ? ProgramState.Ended : onAir.Length > 0 ? ProgramState.OnAir : ProgramState.Waiting,
        onAir,
        waiting,
        Math.Max(0, _repetition),
        EndReason,
        StartedAt);

    private void LogDisposeFailed(Exception exception) => BroadcastLog.SourceDisposeFailed(_logger, exception, Id);

    private static async Task DisposeQuietlyAsync(IAudioSource source, BroadcastProgram program)
    {
        // Off the clock's thread: closing a decoder waits for its process to exit.
        await Task.Yield();
        try
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A source that fails to close must not take the engine down; it is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            program.LogDisposeFailed(exception);
        }
    }
}
