namespace VanYen.Media.ReceiverAgent;

/// <summary>Where a played 20 ms frame came from.</summary>
public enum PlayedFrameSource
{
    /// <summary>Nothing to play (or muted / outside on-air hours: the frame is zeros).</summary>
    Silence,

    /// <summary>The live SRTP stream.</summary>
    Live,

    /// <summary>A prepared (downloaded) program.</summary>
    Prepared,
}
