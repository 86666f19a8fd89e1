namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>Pushed to a participant whose media the server saw end (ICE timed out): the page may start it again.</summary>
/// <param name="Reason">The engine's reason.</param>
public sealed record MediaEndedMessage(string Reason);
