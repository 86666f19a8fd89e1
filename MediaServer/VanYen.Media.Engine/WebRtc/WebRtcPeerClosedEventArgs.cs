namespace VanYen.Media.Engine.WebRtc;

/// <summary>Why a <see cref="WebRtcPeer"/> ended.</summary>
public sealed class WebRtcPeerClosedEventArgs(string reason, bool closedLocally) : EventArgs
{
    /// <summary>The reason in words a user or operator can act on ("DTLS fingerprint mismatch: ...", "ICE consent expired").</summary>
    public string Reason { get; } = reason;

    /// <summary>True when our side asked for the close (leave, room closed), false when a failure or the peer ended it.</summary>
    public bool ClosedLocally { get; } = closedLocally;
}
