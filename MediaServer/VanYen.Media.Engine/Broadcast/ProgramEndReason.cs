namespace VanYen.Media.Engine.Broadcast;

/// <summary>Why a program ended.</summary>
public enum ProgramEndReason
{
    /// <summary>Its source ran out after the last repetition.</summary>
    Finished,

    /// <summary>Someone cancelled it on all its remaining clusters.</summary>
    Cancelled,

    /// <summary>A higher-priority program took its clusters and its policy is <see cref="PreemptedProgramPolicy.End"/>.</summary>
    Preempted,

    /// <summary>Its source failed (threw, or could not be created).</summary>
    SourceFailed,
}
