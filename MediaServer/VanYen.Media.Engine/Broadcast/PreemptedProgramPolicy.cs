namespace VanYen.Media.Engine.Broadcast;

/// <summary>What happens to a program once a higher-priority one has taken every cluster it was playing on.</summary>
public enum PreemptedProgramPolicy
{
    /// <summary>It waits, paused, and carries on where it stopped when a cluster is free again (bulletins, relays).</summary>
    Resume,

    /// <summary>It ends with <see cref="ProgramEndReason.Preempted"/> (e.g. a live talk that was overridden).</summary>
    End,
}
