namespace VanYen.Media.Engine.Forwarding;

/// <summary>One slot of a participant's view: who is shown there, on which mids.</summary>
/// <param name="Slot">0 to <see cref="ForwardingLayout.SlotCount"/> − 1.</param>
/// <param name="RemoteParticipantId">The participant whose audio and video arrive in this slot.</param>
/// <param name="AudioMid">The slot's audio mid.</param>
/// <param name="VideoMid">The slot's video mid.</param>
public sealed record ForwardingSlot(int Slot, string RemoteParticipantId, string AudioMid, string VideoMid);
