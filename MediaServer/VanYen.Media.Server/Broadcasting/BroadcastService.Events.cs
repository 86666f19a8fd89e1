using System.Text.Json;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Server.Audit;

namespace VanYen.Media.Server.Broadcasting;

public sealed partial class BroadcastService
{
    private void OnEngineChanged(object? sender, BroadcastEventArgs change)
    {
        LiveBroadcast? broadcast;
        LiveBroadcast? by = null;
        lock (_gate)
        {
            if (!_live.TryGetValue(change.ProgramId, out broadcast))
            {
                return;
            }

            broadcast.Status = change.Status;
            if (change.Kind == BroadcastEventKind.Ended)
            {
                broadcast.EndedAt = change.At;
                broadcast.EndReason = change.EndReason ?? change.Status.EndReason;
            }

            if (change.ByProgramId is { } byId)
            {
                _live.TryGetValue(byId, out by);
            }
        }

        string? action = change.Kind switch
        {
            BroadcastEventKind.OnAir => AuditActions.BroadcastOnAir,
            BroadcastEventKind.Preempted => AuditActions.BroadcastPreempted,
            BroadcastEventKind.Resumed => AuditActions.BroadcastResumed,
            BroadcastEventKind.Ended => AuditActions.BroadcastEnded,
            _ => null, // Started and ClustersCancelled are audited where they are asked for, with the user.
        };
        if (action is not null)
        {
            EnqueueAudit(new NewAuditEntry
            {
                Action = action,
                TargetKind = "broadcast",
                TargetId = broadcast.Id,
                AreaId = broadcast.ScopeAreaId,
                DetailsJson = JsonSerializer.Serialize(new
                {
                    title = broadcast.Title,
                    createdBy = broadcast.CreatedBy,
                    clusters = change.ClusterIds,
                    byBroadcastId = change.ByProgramId,
                    byTitle = by?.Title,
                    byUser = by?.CreatedBy,
                    reason = change.Kind == BroadcastEventKind.Ended ? (broadcast.EndReason?.ToString().ToLowerInvariant()) : null,
                }),
            });
        }

        Changed?.Invoke(this, broadcast.ToView(change.Status));
    }

    private void EnqueueAudit(NewAuditEntry entry)
    {
        if (!_auditQueue.Writer.TryWrite(entry))
        {
            LogAuditDropped(entry.Action, entry.TargetId);
        }
    }

    private async Task PumpAuditAsync()
    {
        await foreach (NewAuditEntry entry in _auditQueue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await _audit.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failed write is logged; the next entries must still be written.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogAuditFailed(exception, entry.Action, entry.TargetId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry {Action} for {TargetId} could not be written")]
    private partial void LogAuditFailed(Exception exception, string action, string? targetId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry {Action} for {TargetId} dropped: the service is stopping")]
    private partial void LogAuditDropped(string action, string? targetId);
}
