namespace VanYen.Media.Engine.Forwarding;

/// <summary>The participants whose view changed (call <see cref="IForwardingRoom.GetSlots"/> for each).</summary>
public sealed class ForwardingSlotsChangedEventArgs(IReadOnlyList<string> participantIds) : EventArgs
{
    /// <summary>The participants to tell.</summary>
    public IReadOnlyList<string> ParticipantIds { get; } = participantIds;
}
