namespace VanYen.Media.ReceiverAgent;

/// <summary>One 20 ms frame the agent played, as written to its output (after volume and mute).</summary>
/// <param name="At">Wall-clock (UTC, local clock) time the frame was played.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="ProgramId">The program it belongs to, if known.</param>
/// <param name="Samples">960 samples of 48 kHz mono.</param>
public sealed record PlayedFrame(DateTimeOffset At, PlayedFrameSource Source, string? ProgramId, short[] Samples);
