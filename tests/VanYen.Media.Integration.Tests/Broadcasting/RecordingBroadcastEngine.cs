using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.Integration.Tests.Broadcasting;

/// <summary>
/// An engine that only records what it is asked (for rules that do not need audio: scope, approval, schedules);
/// tests put programs "on air" by hand and raise its events.
/// </summary>
internal sealed class RecordingBroadcastEngine : IBroadcastEngine
{
    private readonly Lock _gate = new();
    private readonly List<BroadcastProgramRequest> _started = [];
    private readonly List<(string ProgramId, IReadOnlyCollection<long>? ClusterIds)> _cancelled = [];
    private readonly Dictionary<string, BroadcastProgramStatus> _programs = [];
    private readonly Dictionary<long, string> _onAir = [];

    public event EventHandler<BroadcastEventArgs>? Changed;

    public IReadOnlyList<BroadcastProgramRequest> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    public IReadOnlyList<(string ProgramId, IReadOnlyCollection<long>? ClusterIds)> Cancelled
    {
        get
        {
            lock (_gate)
            {
                return [.. _cancelled];
            }
        }
    }

    public BroadcastProgramStatus Start(BroadcastProgramRequest request)
    {
        var status = new BroadcastProgramStatus(request.Id, request.Title, request.Priority, ProgramState.Waiting, [], request.ClusterIds, 0, null, DateTimeOffset.UnixEpoch);
        lock (_gate)
        {
            _started.Add(request);
            _programs[request.Id] = status;
        }

        return status;
    }

    public bool Cancel(string programId, IReadOnlyCollection<long>? clusterIds = null)
    {
        lock (_gate)
        {
            _cancelled.Add((programId, clusterIds));
            return _programs.ContainsKey(programId);
        }
    }

    public IReadOnlyList<BroadcastProgramStatus> GetPrograms()
    {
        lock (_gate)
        {
            return [.. _programs.Values];
        }
    }

    public bool TryGetProgram(string programId, out BroadcastProgramStatus? status)
    {
        lock (_gate)
        {
            return _programs.TryGetValue(programId, out status);
        }
    }

    public string? GetOnAirProgramId(long clusterId)
    {
        lock (_gate)
        {
            return _onAir.GetValueOrDefault(clusterId);
        }
    }

    public ClusterChannel GetChannel(long clusterId) => new(clusterId);

    /// <summary>Puts a started program on air on its clusters and raises OnAir.</summary>
    public void PutOnAir(string programId)
    {
        BroadcastProgramStatus status;
        lock (_gate)
        {
            BroadcastProgramStatus waiting = _programs[programId];
            status = waiting with { State = ProgramState.OnAir, ClustersOnAir = waiting.ClustersWaiting, ClustersWaiting = [] };
            _programs[programId] = status;
            foreach (long clusterId in status.ClustersOnAir)
            {
                _onAir[clusterId] = programId;
            }
        }

        Changed?.Invoke(this, new BroadcastEventArgs(BroadcastEventKind.OnAir, status, status.ClustersOnAir));
    }
}
