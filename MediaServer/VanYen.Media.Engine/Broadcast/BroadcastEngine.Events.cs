namespace VanYen.Media.Engine.Broadcast;

/// <summary>Events: built on the clock's thread when something changes (rare), raised by a task off it.</summary>
public sealed partial class BroadcastEngine
{
    private void RaiseArbitrationEvents(BroadcastProgram program, DateTimeOffset now)
    {
        program.RefreshStatus();
        BroadcastProgramStatus status = program.Status;
        List<(long ClusterId, BroadcastProgram By)> preempted = program.PreemptedBy;
        while (preempted.Count > 0)
        {
            // One event per program that took clusters over.
            BroadcastProgram by = preempted[0].By;
            var clusters = new List<long>();
            for (int i = preempted.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(preempted[i].By, by))
                {
                    clusters.Insert(0, preempted[i].ClusterId);
                    preempted.RemoveAt(i);
                }
            }

            Raise(new BroadcastEventArgs(BroadcastEventKind.Preempted, status, [.. clusters], by.Id, at: now));
        }

        if (program.NewlyOnAir.Count > 0)
        {
            Raise(new BroadcastEventArgs(BroadcastEventKind.OnAir, status, [.. program.NewlyOnAir], at: now));
            program.NewlyOnAir.Clear();
        }

        if (program.Resumed.Count > 0)
        {
            Raise(new BroadcastEventArgs(BroadcastEventKind.Resumed, status, [.. program.Resumed], at: now));
            program.Resumed.Clear();
        }
    }

    private void Raise(BroadcastEventArgs change) => _events.Writer.TryWrite(change);

    private async Task PumpEventsAsync()
    {
        await foreach (BroadcastEventArgs change in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Changed?.Invoke(this, change);
            }
#pragma warning disable CA1031 // A faulty subscriber must not stop the others from hearing about later changes.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                BroadcastLog.EventHandlerFailed(_logger, exception);
            }
        }
    }
}
