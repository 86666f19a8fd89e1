namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>One slot of a participant's view: whose audio and video arrive on which mids.</summary>
/// <param name="Slot">0 to 2.</param>
/// <param name="ParticipantId">The remote participant.</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="Role">Their role (<see cref="ConsultRoles"/>).</param>
/// <param name="AudioMid">The slot's audio mid.</param>
/// <param name="VideoMid">The slot's video mid.</param>
public sealed record ConsultSlot(int Slot, string ParticipantId, string DisplayName, string Role, string AudioMid, string VideoMid);
