namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>A change to push: the message and the area groups (<see cref="IBroadcastConsole.GroupOf"/>) it goes to.</summary>
/// <param name="Message">What changed.</param>
/// <param name="Groups">The groups of every scope that may view one of its clusters.</param>
public sealed record BroadcastConsoleChange(BroadcastChangedMessage Message, IReadOnlyList<string> Groups);
