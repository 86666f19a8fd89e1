namespace VanYen.Media.Engine.Broadcast;

/// <summary>A start or a cancel queued by any thread, applied at the start of the next tick.</summary>
/// <param name="Program">The program.</param>
/// <param name="IsStart">True to start it, false to cancel it.</param>
/// <param name="Clusters">For a cancel: the clusters to remove, or null for all of them.</param>
internal readonly record struct BroadcastCommand(BroadcastProgram Program, bool IsStart, long[]? Clusters);
