using System.Threading.Channels;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Library;
using VanYen.Media.Server.Schedules;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>
/// The broadcast service: turns announcers' commands into engine programs (now), stored schedules (later) or
/// bulletins awaiting approval, enforcing role, scope and the higher-scope rule; follows the engine's events into
/// the audit log and out to the consoles (<see cref="Changed"/>).
/// </summary>
/// <remarks>
/// Audit entries about programs go through one queue, written in order by one task, so "cancelled" always comes
/// before "ended" and the engine's thread never waits for the database. Ended broadcasts stay listed for
/// <see cref="EndedRetention"/>.
/// </remarks>
public sealed partial class BroadcastService : IBroadcastService, IAsyncDisposable
{
    /// <summary>How long an ended broadcast stays in <see cref="ListAsync"/>.</summary>
    public static readonly TimeSpan EndedRetention = TimeSpan.FromMinutes(10);

    /// <summary>How far in the past a start time may be and still count as "now" (clock skew of the console).</summary>
    public static readonly TimeSpan StartTolerance = TimeSpan.FromSeconds(5);

    private readonly IBroadcastEngine _engine;
    private readonly IAreaRepository _areas;
    private readonly IClusterRepository _clusters;
    private readonly IUserRepository _users;
    private readonly IAuditLog _audit;
    private readonly IAudioLibrary _library;
    private readonly IBroadcastScheduleStore _schedules;
    private readonly ITtsAbbreviationRepository _abbreviations;
    private readonly ITextToSpeechEngine _speech;
    private readonly IRelaySourceFactory _relays;
    private readonly TimeProvider _time;
    private readonly ILogger<BroadcastService> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LiveBroadcast> _live = new(StringComparer.Ordinal);
    private readonly Channel<NewAuditEntry> _auditQueue = Channel.CreateUnbounded<NewAuditEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _auditPump;
    private int _disposed;

    public BroadcastService(
        IBroadcastEngine engine,
        IAreaRepository areas,
        IClusterRepository clusters,
        IUserRepository users,
        IAuditLog audit,
        IAudioLibrary library,
        IBroadcastScheduleStore schedules,
        ITtsAbbreviationRepository abbreviations,
        ITextToSpeechEngine speech,
        IRelaySourceFactory relays,
        TimeProvider time,
        ILogger<BroadcastService> logger)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _areas = areas;
        _clusters = clusters;
        _users = users;
        _audit = audit;
        _library = library;
        _schedules = schedules;
        _abbreviations = abbreviations;
        _speech = speech;
        _relays = relays;
        _time = time;
        _logger = logger;
        _auditPump = Task.Run(PumpAuditAsync);
        _engine.Changed += OnEngineChanged;
    }

    /// <inheritdoc />
    public event EventHandler<BroadcastView>? Changed;

    /// <summary>Schedules were added, approved or removed: the scheduler recomputes its next wake-up.</summary>
    public event EventHandler? SchedulesChanged;

    /// <inheritdoc />
    public async Task<BroadcastView> StartAsync(User caller, BroadcastCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        ValidatedCommand validated = await ValidateAsync(caller, command, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _time.GetUtcNow();
        bool later = validated.FirstRunAt is not null;
        bool awaitsApproval = validated.Policy.NeedsApproval(caller) && command.Level != BroadcastLevel.Emergency;
        if (!later && !awaitsApproval)
        {
            CheckNoHigherScopePreempted(caller, validated);
            return await StartProgramAsync(BroadcastIds.New(), caller, validated, approvedBy: null, cancellationToken).ConfigureAwait(false);
        }

        var stored = new ScheduledBroadcast(
            BroadcastIds.New(),
            command,
            validated.ClusterIds,
            caller.Id,
            caller.Username,
            caller.ScopeAreaId,
            now,
            validated.FirstRunAt,
            awaitsApproval ? ScheduledBroadcastState.AwaitingApproval : ScheduledBroadcastState.Scheduled);
        await _schedules.AddAsync(stored, cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(
            NewAuditEntry.By(caller, awaitsApproval ? AuditActions.BroadcastAwaitingApproval : AuditActions.ScheduleCreated) with
            {
                TargetKind = "broadcast",
                TargetId = stored.Id,
                AreaId = caller.ScopeAreaId,
                DetailsJson = Details(stored, validated),
            },
            cancellationToken).ConfigureAwait(false);
        BroadcastView view = ToView(stored);
        SchedulesChanged?.Invoke(this, EventArgs.Empty);
        Changed?.Invoke(this, view);
        return view;
    }

    /// <inheritdoc />
    public async Task<BroadcastView> StartLiveAsync(User caller, string title, IReadOnlyList<long> clusterIds, IReadOnlyList<long> areaIds, BroadcastLevel level, IAudioSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(source);
        var command = new BroadcastCommand
        {
            Title = title,
            Source = new BroadcastSource { Kind = BroadcastSourceKind.Live },
            Level = level,
            ClusterIds = clusterIds ?? [],
            AreaIds = areaIds ?? [],
        };
        if (level is not (BroadcastLevel.Normal or BroadcastLevel.Priority or BroadcastLevel.Emergency))
        {
            throw Invalid($"Live voice airs as normal, priority or emergency (got {level}).");
        }

        // Live voice never waits for approval (someone is speaking now), an emergency by the same rule as a bulletin.
        ValidatedCommand validated = await ValidateAsync(caller, command, cancellationToken).ConfigureAwait(false) with { LiveSource = source };
        CheckNoHigherScopePreempted(caller, validated);
        return await StartProgramAsync(BroadcastIds.New(), caller, validated, approvedBy: null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<BroadcastView> ApproveAsync(User caller, string broadcastId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ScheduledBroadcast stored = await _schedules.GetAsync(broadcastId, cancellationToken).ConfigureAwait(false)
            ?? throw (IsLive(broadcastId)
                ? new DomainConflictException(BroadcastErrors.NotAwaitingApproval, $"Broadcast {broadcastId} is not awaiting approval.")
                : NotFound(broadcastId));
        if (stored.State != ScheduledBroadcastState.AwaitingApproval)
        {
            throw new DomainConflictException(BroadcastErrors.NotAwaitingApproval, $"Broadcast {broadcastId} ('{stored.Title}') is not awaiting approval.");
        }

        AreaTree tree = await _areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        var policy = new Security.ScopePolicy(tree);
        foreach (long clusterId in stored.ClusterIds)
        {
            Cluster? cluster = await _clusters.GetAsync(clusterId, cancellationToken).ConfigureAwait(false);
            if (cluster is not null && !policy.CanApprove(caller, cluster.AreaId))
            {
                throw new DomainForbiddenException(
                    BroadcastErrors.OutsideScope,
                    $"{caller.Username} may not approve '{stored.Title}': cluster {cluster.Name} (#{cluster.Id}) is outside their approval scope.");
            }
        }

        DateTimeOffset now = _time.GetUtcNow();
        await _audit.AppendAsync(
            NewAuditEntry.By(caller, AuditActions.BroadcastApproved) with
            {
                TargetKind = "broadcast",
                TargetId = stored.Id,
                AreaId = stored.ScopeAreaId,
                DetailsJson = System.Text.Json.JsonSerializer.Serialize(new { title = stored.Title, createdBy = stored.CreatedBy }),
            },
            cancellationToken).ConfigureAwait(false);

        if (stored.NextRunAt is null)
        {
            // Approved for "now": it airs as its creator, now; if that is refused (403), it stays pending.
            BroadcastView? started = await RunStoredAsync(stored with { State = ScheduledBroadcastState.Scheduled, ApprovedBy = caller.Username }, now, throwOnRefusal: true, cancellationToken).ConfigureAwait(false);
            await _schedules.UpdateAsync(stored with { State = ScheduledBroadcastState.Ended, ApprovedBy = caller.Username, EndedAt = now }, cancellationToken).ConfigureAwait(false);
            return started!;
        }

        ScheduledBroadcast approved = stored with { State = ScheduledBroadcastState.Scheduled, ApprovedBy = caller.Username };
        await _schedules.UpdateAsync(approved, cancellationToken).ConfigureAwait(false);
        BroadcastView view = ToView(approved);
        SchedulesChanged?.Invoke(this, EventArgs.Empty);
        Changed?.Invoke(this, view);
        return view;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BroadcastView>> ListAsync(User caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Visibility visibility = await GetVisibilityAsync(caller, cancellationToken).ConfigureAwait(false);
        var views = new List<BroadcastView>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset now = _time.GetUtcNow();
        foreach (LiveBroadcast broadcast in SnapshotLive(now))
        {
            seen.Add(broadcast.Id);
            if (visibility.CanSee(broadcast.ScopeAreaId, broadcast.ClusterIds))
            {
                views.Add(ToView(broadcast));
            }
        }

        foreach (ScheduledBroadcast stored in await _schedules.GetPendingAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!seen.Contains(stored.Id) && visibility.CanSee(stored.ScopeAreaId, stored.ClusterIds))
            {
                views.Add(ToView(stored));
            }
        }

        views.Sort((a, b) => b.CreatedAt.CompareTo(a.CreatedAt));
        return views;
    }

    /// <inheritdoc />
    public async Task<BroadcastView> GetAsync(User caller, string broadcastId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(broadcastId);
        Visibility visibility = await GetVisibilityAsync(caller, cancellationToken).ConfigureAwait(false);
        LiveBroadcast? live;
        lock (_gate)
        {
            _live.TryGetValue(broadcastId, out live);
        }

        if (live is not null)
        {
            return visibility.CanSee(live.ScopeAreaId, live.ClusterIds) ? ToView(live) : throw NotFound(broadcastId);
        }

        ScheduledBroadcast? stored = await _schedules.GetAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        return stored is not null && visibility.CanSee(stored.ScopeAreaId, stored.ClusterIds) ? ToView(stored) : throw NotFound(broadcastId);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _engine.Changed -= OnEngineChanged;
        _auditQueue.Writer.TryComplete();
        await _auditPump.ConfigureAwait(false);
    }

    private static DomainNotFoundException NotFound(string broadcastId) =>
        new(BroadcastErrors.BroadcastNotFound, $"No broadcast {broadcastId}.");

    private bool IsLive(string broadcastId)
    {
        lock (_gate)
        {
            return _live.ContainsKey(broadcastId);
        }
    }

    private List<LiveBroadcast> SnapshotLive(DateTimeOffset now)
    {
        lock (_gate)
        {
            var expired = new List<string>();
            var snapshot = new List<LiveBroadcast>(_live.Count);
            foreach (LiveBroadcast broadcast in _live.Values)
            {
                if (broadcast.EndedAt is { } ended && now - ended > EndedRetention)
                {
                    expired.Add(broadcast.Id);
                }
                else
                {
                    snapshot.Add(broadcast);
                }
            }

            foreach (string id in expired)
            {
                _live.Remove(id);
            }

            return snapshot;
        }
    }

    private BroadcastView ToView(LiveBroadcast broadcast) =>
        broadcast.ToView(broadcast.EndedAt is null && _engine.TryGetProgram(broadcast.Id, out BroadcastProgramStatus? status) ? status : null);

    private static BroadcastView ToView(ScheduledBroadcast stored) => new()
    {
        Id = stored.Id,
        Title = stored.Title,
        SourceKind = stored.Command.Source.Kind,
        Priority = ToPriority(stored.Command.Level),
        State = stored.State switch
        {
            ScheduledBroadcastState.AwaitingApproval => BroadcastState.AwaitingApproval,
            ScheduledBroadcastState.Scheduled => BroadcastState.Scheduled,
            _ => BroadcastState.Ended,
        },
        ClusterIds = stored.ClusterIds,
        CreatedByUserId = stored.CreatedByUserId,
        CreatedBy = stored.CreatedBy,
        ScopeAreaId = stored.ScopeAreaId,
        CreatedAt = stored.CreatedAt,
        NextRunAt = stored.State == ScheduledBroadcastState.Ended ? null : stored.NextRunAt,
        Recurrence = stored.Recurrence,
        ApprovedBy = stored.ApprovedBy,
    };

    private static ProgramPriority ToPriority(BroadcastLevel level) => level switch
    {
        BroadcastLevel.Background => ProgramPriority.Background,
        BroadcastLevel.Relay => ProgramPriority.Relay,
        BroadcastLevel.Normal => ProgramPriority.Normal,
        BroadcastLevel.Priority => ProgramPriority.Priority,
        BroadcastLevel.Emergency => ProgramPriority.Emergency,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    private async Task<Visibility> GetVisibilityAsync(User caller, CancellationToken cancellationToken)
    {
        AreaTree tree = await _areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        var clusters = new HashSet<long>();
        foreach (Cluster cluster in await _clusters.GetInAreaAsync(caller.ScopeAreaId, cancellationToken).ConfigureAwait(false))
        {
            clusters.Add(cluster.Id);
        }

        return new Visibility(tree, caller.ScopeAreaId, clusters);
    }

    /// <summary>A user sees broadcasts started from their scope or below, and any that reach one of their clusters.</summary>
    private sealed record Visibility(AreaTree Tree, long ScopeAreaId, HashSet<long> ClustersInScope)
    {
        public bool CanSee(long broadcastScopeAreaId, IReadOnlyList<long> clusterIds)
        {
            if (Tree.IsWithin(ScopeAreaId, broadcastScopeAreaId))
            {
                return true;
            }

            foreach (long clusterId in clusterIds)
            {
                if (ClustersInScope.Contains(clusterId))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
