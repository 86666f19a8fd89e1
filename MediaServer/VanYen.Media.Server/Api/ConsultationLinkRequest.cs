namespace VanYen.Media.Server.Api;

/// <summary>Another guest link for a consultation.</summary>
/// <param name="Role">family (the default), interpreter or patient.</param>
public sealed record ConsultationLinkRequest(string? Role);
