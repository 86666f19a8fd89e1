namespace VanYen.Media.Server.Devices;

/// <summary>A speaker page connection's last heartbeat, kept to measure loss over the next interval.</summary>
/// <param name="At">When it arrived.</param>
/// <param name="PlayingProgramId">What the page said it plays.</param>
/// <param name="PacketsReceived">Its cumulative inbound-rtp packets received.</param>
/// <param name="PacketsLost">Its cumulative inbound-rtp packets lost (never below 0).</param>
internal sealed record SpeakerReport(DateTimeOffset At, string? PlayingProgramId, long PacketsReceived, long PacketsLost);
