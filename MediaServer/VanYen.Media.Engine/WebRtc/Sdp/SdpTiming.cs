namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>A t= line (RFC 8866 §5.9) and the r= lines that follow it (kept verbatim).</summary>
public sealed class SdpTiming
{
    /// <summary>Start time (NTP seconds, 0 for unbounded).</summary>
    public ulong StartTime { get; set; }

    /// <summary>Stop time (NTP seconds, 0 for unbounded).</summary>
    public ulong StopTime { get; set; }

    /// <summary>The values of the r= lines after this t= line, in order.</summary>
    public List<string> RepeatTimes { get; } = [];
}
