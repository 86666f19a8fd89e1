namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>The whole view of the receiving participant after someone joined or left the media.</summary>
/// <param name="Slots">Every occupied slot.</param>
public sealed record SlotsChangedMessage(IReadOnlyList<ConsultSlot> Slots);
