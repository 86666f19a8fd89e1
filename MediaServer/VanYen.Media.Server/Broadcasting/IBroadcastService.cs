using VanYen.Media.Engine.Sources;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>
/// Broadcasts as announcers see them: checks role, scope and approval, turns a command into an engine program (now)
/// or a persisted schedule (later), writes the audit log, and reports changes for the live consoles.
/// </summary>
/// <remarks>
/// Errors are <see cref="DomainException"/>s the API maps to HTTP: unknown cluster/area/item/broadcast → 404
/// (<see cref="DomainNotFoundException"/>), outside scope or would cancel/preempt a program of a higher scope → 403
/// (<see cref="DomainForbiddenException"/>), bad field (text too long, start in the past, bad cron) → 400
/// (<see cref="DomainValidationException"/>), state conflict (approve twice) → 409 (<see cref="DomainConflictException"/>).
/// </remarks>
public interface IBroadcastService
{
    /// <summary>A broadcast changed (started, went on air, preempted, resumed, ended, scheduled, approved).</summary>
    event EventHandler<BroadcastView>? Changed;

    /// <summary>Starts now, schedules, or parks for approval, depending on the command and the area.</summary>
    Task<BroadcastView> StartAsync(User caller, BroadcastCommand command, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a live source (an announcer's microphone, a hardware console, a meeting's mix) on air: at <c>Live</c>
    /// priority for <see cref="BroadcastLevel.Normal"/> and <see cref="BroadcastLevel.Priority"/>; at <c>Emergency</c>
    /// priority, after the chime, for <see cref="BroadcastLevel.Emergency"/> (the rules of an emergency bulletin).
    /// </summary>
    Task<BroadcastView> StartLiveAsync(User caller, string title, IReadOnlyList<long> clusterIds, IReadOnlyList<long> areaIds, BroadcastLevel level, IAudioSource source, CancellationToken cancellationToken);

    /// <summary>Cancels a broadcast on some or all of its clusters, or removes a schedule / pending bulletin.</summary>
    Task<BroadcastView> CancelAsync(User caller, string broadcastId, IReadOnlyCollection<long>? clusterIds, CancellationToken cancellationToken);

    /// <summary>Stops whatever plays on <paramref name="clusterIds"/> that the caller may cancel ("huỷ tin đang phát").</summary>
    Task<IReadOnlyList<BroadcastView>> CancelOnClustersAsync(User caller, IReadOnlyCollection<long> clusterIds, CancellationToken cancellationToken);

    /// <summary>An approver (of the area or above) lets a pending bulletin air.</summary>
    Task<BroadcastView> ApproveAsync(User caller, string broadcastId, CancellationToken cancellationToken);

    /// <summary>Broadcasts the caller may see: live, waiting, scheduled, awaiting approval, and recently ended.</summary>
    Task<IReadOnlyList<BroadcastView>> ListAsync(User caller, CancellationToken cancellationToken);

    /// <summary>One broadcast, or 404.</summary>
    Task<BroadcastView> GetAsync(User caller, string broadcastId, CancellationToken cancellationToken);
}
