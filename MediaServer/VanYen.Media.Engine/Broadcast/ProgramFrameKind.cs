namespace VanYen.Media.Engine.Broadcast;

/// <summary>What a program produced for one tick.</summary>
internal enum ProgramFrameKind
{
    /// <summary>Audio in its PCM buffer, to be processed and encoded.</summary>
    Audio,

    /// <summary>Nothing to play this tick (opening, gap, a read not finished yet): it holds its clusters with silence.</summary>
    Silence,

    /// <summary>The last repetition ended.</summary>
    Finished,

    /// <summary>The source threw or could not be opened (<see cref="BroadcastProgram.Failure"/>).</summary>
    Failed,
}
