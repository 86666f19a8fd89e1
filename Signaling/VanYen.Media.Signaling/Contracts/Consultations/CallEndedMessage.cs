namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>Pushed when the call is over for the receiving connection.</summary>
/// <param name="Reason">One of <see cref="CallEndReasons"/>.</param>
public sealed record CallEndedMessage(string Reason);
