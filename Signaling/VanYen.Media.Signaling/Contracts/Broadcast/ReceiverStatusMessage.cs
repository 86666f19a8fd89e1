namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>
/// Pushed to the consoles (<c>ReceiverStatus</c>) every few seconds: the health of the receivers in the caller's
/// scope that logged in since the server started.
/// </summary>
/// <param name="At">When the snapshot was taken.</param>
/// <param name="Receivers">One entry per receiver.</param>
public sealed record ReceiverStatusMessage(DateTimeOffset At, IReadOnlyList<ReceiverStatusEntry> Receivers);
