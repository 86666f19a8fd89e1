namespace VanYen.Media.ReceiverAgent;

/// <summary>How a <see cref="ReceiverAgent"/> reaches its server.</summary>
public sealed record ReceiverAgentOptions
{
    /// <summary>The server's HTTPS base address, e.g. https://192.168.1.10:8443.</summary>
    public required Uri Server { get; init; }

    /// <summary>The receiver id.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The device secret.</summary>
    public required string Secret { get; init; }

    /// <summary>SHA-256 of the server certificate to accept (hex, colons optional); null: the system's trust store decides.</summary>
    public string? PinSha256 { get; init; }

    /// <summary>Accept any server certificate. For tests only.</summary>
    public bool InsecureSkipVerify { get; init; }

    /// <summary>Keep every played 20 ms frame in memory (<see cref="ReceiverAgent.GetPlayedFrames"/>), for tests.</summary>
    public bool RecordPlayedAudio { get; init; }

    /// <summary>How often heartbeats go out on the control hub.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the live program stays reported as playing (heartbeat, <see cref="ReceiverAgent.CurrentProgramId"/>)
    /// while its stream stalls and the hub still announces it: a gap of a few packets on a weak link is a glitch on
    /// the dashboard, not the end of the program. A NowPlaying change ends it at once.
    /// </summary>
    public TimeSpan PlayingReportHold { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an SRTCP receiver report goes out.</summary>
    public TimeSpan ReceiverReportInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two login attempts after a connection loss.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(10);
}
