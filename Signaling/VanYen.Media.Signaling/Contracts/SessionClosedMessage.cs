namespace VanYen.Media.Signaling.Contracts;

/// <summary>
/// Sent by the server as the client method <c>SessionClosed</c> when it ends a session
/// (consent lost, DTLS failed, fingerprint mismatch, room closed).
/// </summary>
/// <param name="Reason">Why, in words a user or operator can act on.</param>
public sealed record SessionClosedMessage(string Reason);
