namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>Pushed to the doctor whenever someone arrives, is admitted, joins the media, drops or leaves.</summary>
/// <param name="People">Everyone but the doctor (invited, waiting, admitted, left).</param>
public sealed record WaitingRoomMessage(IReadOnlyList<ConsultPerson> People);
