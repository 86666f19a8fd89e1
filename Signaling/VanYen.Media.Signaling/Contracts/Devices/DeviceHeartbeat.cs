namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>What a device reports every few seconds on the control hub.</summary>
/// <param name="PlayingProgramId">The program it is playing, or null.</param>
/// <param name="Volume">Its output volume, 0–100.</param>
/// <param name="Muted">Whether its output is muted.</param>
/// <param name="BufferedPrograms">Ids of prepared programs it holds, downloaded and verified.</param>
public sealed record DeviceHeartbeat(string? PlayingProgramId, int Volume, bool Muted, IReadOnlyList<string>? BufferedPrograms);
