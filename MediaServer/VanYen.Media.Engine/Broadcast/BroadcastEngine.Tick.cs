namespace VanYen.Media.Engine.Broadcast;

/// <summary>One 20 ms tick: commands, arbitration, one frame per program, fan-out, idle frames.</summary>
public sealed partial class BroadcastEngine
{
    /// <summary>Runs one tick; called by the <see cref="Audio.Clock.MediaClock"/> (or by tests) every 20 ms, from one thread at a time.</summary>
    public void OnTick(long tick)
    {
        lock (_tickLock)
        {
            if (_disposed)
            {
                return;
            }

            Interlocked.Increment(ref _ticks);
            DateTimeOffset now = _timeProvider.GetUtcNow();
            ApplyCommands(now);
            Arbitrate(now);
            PlayPrograms(now);
            PublishIdle();
            ForgetEndedPrograms(now);
        }
    }

    private void ApplyCommands(DateTimeOffset now)
    {
        while (_commands.TryDequeue(out BroadcastCommand command))
        {
            BroadcastProgram program = command.Program;
            if (command.IsStart)
            {
                program.Activate();
                _active.Add(program);
                Raise(new BroadcastEventArgs(BroadcastEventKind.Started, program.Status, [], at: now));
                continue;
            }

            if (program.IsEnded || !program.IsActive)
            {
                continue;
            }

            if (command.Clusters is null)
            {
                EndAndRemove(program, ProgramEndReason.Cancelled, now);
                continue;
            }

            var removed = new List<long>();
            foreach (long clusterId in command.Clusters)
            {
                if (program.Targets.Remove(clusterId))
                {
                    removed.Add(clusterId);
                }
            }

            if (program.Targets.Count == 0)
            {
                EndAndRemove(program, ProgramEndReason.Cancelled, now);
            }
            else if (removed.Count > 0)
            {
                program.OnAirClusters.RemoveAll(cluster => removed.Contains(cluster.Id));
                program.RefreshStatus();
                Raise(new BroadcastEventArgs(BroadcastEventKind.ClustersCancelled, program.Status, [.. removed], at: now));
            }
        }
    }

    private void Arbitrate(DateTimeOffset now)
    {
        List<BroadcastProgram> active = _active;
        for (int i = 0; i < active.Count; i++)
        {
            active[i].OnAirClusters.Clear();
        }

        BroadcastCluster[] clusters = _clusters;
        for (int c = 0; c < clusters.Length; c++)
        {
            BroadcastCluster cluster = clusters[c];
            BroadcastProgram? holder = cluster.Holder;
            BroadcastProgram? best = null;
            for (int i = 0; i < active.Count; i++)
            {
                BroadcastProgram candidate = active[i];
                if (candidate.Targets.Contains(cluster.Id) && Outranks(candidate, best, holder))
                {
                    best = candidate;
                }
            }

            if (!ReferenceEquals(best, holder))
            {
                if (holder is { IsActive: true } && holder.Targets.Contains(cluster.Id))
                {
                    holder.PreemptedBy.Add((cluster.Id, best!));
                }

                if (best is not null)
                {
                    (best.EverOnAir.Add(cluster.Id) ? best.NewlyOnAir : best.Resumed).Add(cluster.Id);
                }

                cluster.Holder = best;
            }

            best?.OnAirClusters.Add(cluster);
        }

        for (int i = 0; i < active.Count; i++)
        {
            BroadcastProgram program = active[i];
            if (program.NewlyOnAir.Count > 0 || program.Resumed.Count > 0 || program.PreemptedBy.Count > 0)
            {
                RaiseArbitrationEvents(program, now);
            }
            else if (program.StatusDirty)
            {
                program.RefreshStatus();
            }

            if (program.OnAirClusters.Count == 0 && program.EverOnAir.Count > 0 && program.WhenPreempted == PreemptedProgramPolicy.End)
            {
                EndProgram(program, ProgramEndReason.Preempted, now);
                active.RemoveAt(i);
                i--;
            }
        }
    }

    /// <summary>Higher priority wins; between equals, the holder keeps the cluster, else the earlier program gets it.</summary>
    private static bool Outranks(BroadcastProgram candidate, BroadcastProgram? best, BroadcastProgram? holder)
    {
        if (best is null || candidate.Priority > best.Priority)
        {
            return true;
        }

        if (candidate.Priority < best.Priority || ReferenceEquals(best, holder))
        {
            return false;
        }

        return ReferenceEquals(candidate, holder) || candidate.Sequence < best.Sequence;
    }

    private void PlayPrograms(DateTimeOffset now)
    {
        List<BroadcastProgram> active = _active;
        for (int i = 0; i < active.Count; i++)
        {
            BroadcastProgram program = active[i];
            List<BroadcastCluster> onAir = program.OnAirClusters;
            if (onAir.Count == 0)
            {
                // Waiting or preempted everywhere: paused, its source is not read.
                continue;
            }

            ProgramFrameKind kind = program.NextFrame();
            if (program.StatusDirty)
            {
                program.RefreshStatus();
            }

            switch (kind)
            {
                case ProgramFrameKind.Audio:
                    int length = program.Encode();
                    ReadOnlySpan<byte> opus = program.Opus.AsSpan(0, length);
                    for (int c = 0; c < onAir.Count; c++)
                    {
                        onAir[c].Channel.Publish(program.Id, opus, program.Pcm);
                    }

                    break;
                case ProgramFrameKind.Silence:
                    for (int c = 0; c < onAir.Count; c++)
                    {
                        onAir[c].Channel.Publish(program.Id, _silenceOpus, _zeros);
                    }

                    break;
                case ProgramFrameKind.Failed:
                    BroadcastLog.SourceFailed(_logger, program.Failure, program.Id);
                    EndProgram(program, ProgramEndReason.SourceFailed, now);
                    active.RemoveAt(i);
                    i--;
                    break;
                default:
                    EndProgram(program, ProgramEndReason.Finished, now);
                    active.RemoveAt(i);
                    i--;
                    break;
            }
        }
    }

    private void PublishIdle()
    {
        BroadcastCluster[] clusters = _clusters;
        for (int c = 0; c < clusters.Length; c++)
        {
            BroadcastCluster cluster = clusters[c];
            ClusterChannel channel = cluster.Channel;
            if (cluster.Holder is null && (channel.SinkCount > 0 || channel.OnAirProgramId is not null))
            {
                channel.Publish(null, _silenceOpus, _zeros);
            }
        }
    }

    private void ForgetEndedPrograms(DateTimeOffset now)
    {
        while (_ended.Count > 0)
        {
            BroadcastProgram program = _ended.Peek();
            if (now - program.EndedAt < _options.EndedProgramRetention)
            {
                return;
            }

            _ended.Dequeue();
            _programs.TryRemove(new KeyValuePair<string, BroadcastProgram>(program.Id, program));
        }
    }

    private void EndAndRemove(BroadcastProgram program, ProgramEndReason reason, DateTimeOffset now)
    {
        EndProgram(program, reason, now);
        _active.Remove(program);
    }

    /// <summary>Ends a program (the caller removes it from the active list): frees its clusters and releases its source.</summary>
    private void EndProgram(BroadcastProgram program, ProgramEndReason reason, DateTimeOffset now)
    {
        var freed = new List<long>();
        BroadcastCluster[] clusters = _clusters;
        for (int c = 0; c < clusters.Length; c++)
        {
            if (ReferenceEquals(clusters[c].Holder, program))
            {
                clusters[c].Holder = null;
                freed.Add(clusters[c].Id);
            }
        }

        program.End(reason, now);
        _ended.Enqueue(program);
        BroadcastLog.ProgramEnded(_logger, program.Id, reason);
        Raise(new BroadcastEventArgs(BroadcastEventKind.Ended, program.Status, [.. freed], endReason: reason, at: now));
    }
}
