namespace VanYen.Media.Server.Consoles;

/// <summary>A speaker page's credentials: its Browser receiver's id (optional) and secret.</summary>
/// <param name="DeviceId">The receiver's id; when given it must be the receiver the secret belongs to.</param>
/// <param name="Token">The receiver's secret (shown once when the receiver was registered).</param>
public sealed record SpeakerStatusRequest(string? DeviceId, string? Token);
