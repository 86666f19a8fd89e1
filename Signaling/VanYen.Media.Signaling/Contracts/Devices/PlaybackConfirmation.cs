namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>A device's word that a program started or finished playing on it.</summary>
/// <param name="ProgramId">The program.</param>
/// <param name="Event">Started or finished (JSON: 0/1 or "Started"/"Finished").</param>
/// <param name="At">When, in server time (the device applies its clock offset).</param>
public sealed record PlaybackConfirmation(string ProgramId, PlaybackEvent Event, DateTimeOffset At);
