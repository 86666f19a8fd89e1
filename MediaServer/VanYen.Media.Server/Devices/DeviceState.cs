namespace VanYen.Media.Server.Devices;

/// <summary>What the server remembers of one logged-in receiver between heartbeats (guarded by its own lock).</summary>
internal sealed class DeviceState(long receiverId, long clusterId)
{
    public Lock Sync { get; } = new();

    public long ReceiverId { get; } = receiverId;

    public long ClusterId { get; set; } = clusterId;

    /// <summary>Open control (device hub) and speaker-page connections, each with what closes it.</summary>
    public Dictionary<string, Action> Connections { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset? LastHeartbeat { get; set; }

    public DateTimeOffset? LastMarkedSeen { get; set; }

    public string? PlayingProgramId { get; set; }

    public int? Volume { get; set; }

    public bool? Muted { get; set; }

    /// <summary>Loss a speaker page measured (hardware's comes from its RTCP receiver reports instead).</summary>
    public double? FractionLost { get; set; }

    /// <summary>Jitter a speaker page measured, in milliseconds.</summary>
    public double? JitterMilliseconds { get; set; }

    /// <summary>The last report of each open speaker page connection of this receiver (a Browser receiver may run on several pages).</summary>
    public Dictionary<string, SpeakerReport> SpeakerReports { get; } = new(StringComparer.Ordinal);
}
