using System.Globalization;
using System.Text.Json;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Broadcasting;

namespace VanYen.Media.Server.Schedules;

/// <summary>
/// Fires stored schedules at their time (Asia/Ho_Chi_Minh wall clock for recurrences), each run as its creator
/// through <see cref="BroadcastService.RunStoredAsync"/>. Time comes from <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
/// <remarks>
/// On start-up, every run whose time passed while the server was down is audited <c>schedule.missed</c> (with the
/// planned time) and not played: a bulletin played hours late is worse than none. A recurring schedule then goes on
/// from its next future time. While running, a run more than <see cref="LateTolerance"/> late (the machine was
/// suspended) is treated as missed too.
/// </remarks>
public sealed partial class BroadcastScheduler : BackgroundService
{
    /// <summary>How late a run may start and still play.</summary>
    public static readonly TimeSpan LateTolerance = TimeSpan.FromMinutes(1);

    /// <summary>Most missed runs of one recurring schedule written to the log after a long outage.</summary>
    public const int MaxMissedRunsAudited = 50;

    private static readonly TimeSpan s_longestWait = TimeSpan.FromHours(12);

    private readonly IBroadcastScheduleStore _store;
    private readonly BroadcastService _service;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<BroadcastScheduler> _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();

    public BroadcastScheduler(IBroadcastScheduleStore store, BroadcastService service, IAuditLog audit, TimeProvider time, ILogger<BroadcastScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(service);
        _store = store;
        _service = service;
        _audit = audit;
        _time = time;
        _logger = logger;
        _service.SchedulesChanged += OnSchedulesChanged;
    }

    /// <summary>The time the scheduler will next wake to fire a run; null while idle or busy.</summary>
    public DateTimeOffset? NextWakeAt { get; private set; }

    /// <summary>True once the start-up sweep of missed runs is done.</summary>
    public bool IsReady { get; private set; }

    /// <inheritdoc />
    public override void Dispose()
    {
        _service.SchedulesChanged -= OnSchedulesChanged;
        base.Dispose();
    }

    /// <summary>Audits and skips every run planned before now (the server was down), and moves recurrences on.</summary>
    public async Task SweepMissedAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        foreach (ScheduledBroadcast stored in await _store.GetPendingAsync(cancellationToken).ConfigureAwait(false))
        {
            if (stored.NextRunAt is { } planned && planned <= now)
            {
                await MissAsync(stored, planned, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Fires (or, if too late, misses) every run due now; returns the next planned time.</summary>
    public async Task<DateTimeOffset?> RunDueAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        DateTimeOffset? next = null;
        foreach (ScheduledBroadcast stored in await _store.GetPendingAsync(cancellationToken).ConfigureAwait(false))
        {
            if (stored.NextRunAt is not { } planned)
            {
                continue;
            }

            if (planned > now)
            {
                next = next is null || planned < next ? planned : next;
                continue;
            }

            ScheduledBroadcast after;
            if (now - planned > LateTolerance)
            {
                after = await MissAsync(stored, planned, now, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                try
                {
                    await _service.RunStoredAsync(stored, planned, throwOnRefusal: false, cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // One failed run (a source that cannot open) must not stop the other schedules.
                catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogRunFailed(exception, stored.Id);
                }

                after = await AdvanceAsync(stored, planned, now, raise: stored.Recurrence is not null, cancellationToken).ConfigureAwait(false);
            }

            if (after.IsPending && after.NextRunAt is { } following)
            {
                next = next is null || following < next ? following : next;
            }
        }

        return next;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SweepMissedAsync(stoppingToken).ConfigureAwait(false);
        IsReady = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            Task changed;
            lock (_gate)
            {
                _changed = NewSignal();
                changed = _changed.Task;
            }

            DateTimeOffset? next;
            try
            {
                next = await RunDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be briefly unavailable; try again shortly rather than stop scheduling.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogSweepFailed(exception);
                next = _time.GetUtcNow() + TimeSpan.FromSeconds(30);
            }

            TimeSpan wait = next is { } at ? at - _time.GetUtcNow() : s_longestWait;
            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > s_longestWait ? s_longestWait : wait;
            NextWakeAt = next;
            using var waitCancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            Task delay = Task.Delay(wait, _time, waitCancel.Token);
            await Task.WhenAny(delay, changed).ConfigureAwait(false);
            NextWakeAt = null;
            await waitCancel.CancelAsync().ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void OnSchedulesChanged(object? sender, EventArgs e)
    {
        lock (_gate)
        {
            _changed.TrySetResult();
        }
    }

    /// <summary>Audits the missed run(s) and stores the next future run (or the end).</summary>
    private async Task<ScheduledBroadcast> MissAsync(ScheduledBroadcast stored, DateTimeOffset planned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        CronExpression? cron = stored.Recurrence is null ? null : CronExpression.Parse(stored.Recurrence);
        DateTimeOffset? missed = planned;
        int audited = 0;
        while (missed is { } at && at <= now && audited < MaxMissedRunsAudited)
        {
            await _audit.AppendAsync(
                new NewAuditEntry
                {
                    Action = AuditActions.ScheduleMissed,
                    TargetKind = "broadcast",
                    TargetId = stored.Id,
                    AreaId = stored.ScopeAreaId,
                    DetailsJson = JsonSerializer.Serialize(new
                    {
                        title = stored.Title,
                        plannedAt = at.ToString("O", CultureInfo.InvariantCulture),
                        plannedLocal = TimeZoneInfo.ConvertTime(at, BroadcastTimeZone.Vietnam).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        createdBy = stored.CreatedBy,
                    }),
                },
                cancellationToken).ConfigureAwait(false);
            LogMissed(stored.Id, at);
            audited++;
            missed = cron?.Next(at, BroadcastTimeZone.Vietnam);
        }

        return await AdvanceAsync(stored, planned, now, raise: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a run at <paramref name="planned"/>: a one-off ends, a recurrence moves to its first time after now.</summary>
    private async Task<ScheduledBroadcast> AdvanceAsync(ScheduledBroadcast stored, DateTimeOffset planned, DateTimeOffset now, bool raise, CancellationToken cancellationToken)
    {
        DateTimeOffset? next = null;
        if (stored.Recurrence is not null)
        {
            DateTimeOffset after = planned > now ? planned : now;
            next = CronExpression.Parse(stored.Recurrence).Next(after, BroadcastTimeZone.Vietnam);
        }

        ScheduledBroadcast updated = next is null
            ? stored with { State = ScheduledBroadcastState.Ended, NextRunAt = null, EndedAt = now }
            : stored with { NextRunAt = next };
        await _store.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        if (raise)
        {
            // A one-off that ran is not announced as ended: its broadcast (same id) is on air now.
            _service.RaiseScheduleChanged(updated);
        }

        return updated;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {Id} missed its run planned at {PlannedAt}: the server was not running; not played late")]
    private partial void LogMissed(string id, DateTimeOffset plannedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {Id} failed to start its run")]
    private partial void LogRunFailed(Exception exception, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler could not read the schedules; retrying in 30 s")]
    private partial void LogSweepFailed(Exception exception);
}
