namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>What a playback confirmation says happened.</summary>
public enum PlaybackEvent
{
    /// <summary>The program started sounding on the device.</summary>
    Started,

    /// <summary>The program stopped sounding (ended, cancelled or replaced).</summary>
    Finished,
}
