namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>The server's answer to the browser's offer, and who is in which slot now.</summary>
/// <param name="AnswerSdp">The SDP answer.</param>
/// <param name="Slots">The caller's slots (later changes come as <c>SlotsChanged</c>).</param>
public sealed record ConsultStartMediaResponse(string AnswerSdp, IReadOnlyList<ConsultSlot> Slots);
