namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>A hub message for some connections.</summary>
/// <param name="ConnectionIds">Who gets it.</param>
/// <param name="Method">The client method (<c>ConsultHub.*Method</c>).</param>
/// <param name="Message">The message.</param>
public sealed record ConsultationPush(IReadOnlyList<string> ConnectionIds, string Method, object Message);
