namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>Server → device messages of the control hub (<c>/hubs/device</c>); the method names are the SignalR targets.</summary>
public interface IDeviceClient
{
    /// <summary>Sets the output volume, 0–100.</summary>
    Task SetVolume(int volume);

    /// <summary>Mutes or unmutes the output.</summary>
    Task SetMute(bool muted);

    /// <summary>Sets the on-air hours ("HH:mm" local; both null: any time).</summary>
    Task SetOnAirHours(string? from, string? until);

    /// <summary>A bulletin to download now and play at its start time.</summary>
    Task PrepareProgram(PreparedProgram program);

    /// <summary>Forget (or stop) a prepared program.</summary>
    Task CancelPrepared(string programId);

    /// <summary>The server's clock, sent on connect and periodically, so the device keeps its offset.</summary>
    Task ServerTime(DateTimeOffset now);

    /// <summary>The live program now on the cluster's SRTP stream, or null when the cluster is idle.</summary>
    Task NowPlaying(string? programId);
}
