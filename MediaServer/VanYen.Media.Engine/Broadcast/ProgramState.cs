namespace VanYen.Media.Engine.Broadcast;

/// <summary>Where a program is in its life.</summary>
public enum ProgramState
{
    /// <summary>Accepted, but not on air on any cluster: every target plays something more important (or it was just started).</summary>
    Waiting,

    /// <summary>Playing on at least one of its clusters.</summary>
    OnAir,

    /// <summary>Done; see <see cref="ProgramEndReason"/>.</summary>
    Ended,
}
