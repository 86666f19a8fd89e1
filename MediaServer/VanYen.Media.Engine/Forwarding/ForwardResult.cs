namespace VanYen.Media.Engine.Forwarding;

/// <summary>What became of one packet for one subscriber stream.</summary>
internal enum ForwardResult
{
    /// <summary>Sent.</summary>
    Forwarded,

    /// <summary>The slot shows nobody, the subscriber is not connected yet, or it did not negotiate this kind of media.</summary>
    NotRouted,

    /// <summary>A video source starting: packets wait for the first packet of a key frame (ask the publisher for one).</summary>
    WaitingForKeyFrame,

    /// <summary>The payload type has no counterpart in the subscriber's negotiation.</summary>
    UnmappedPayloadType,

    /// <summary>Not sent on purpose (<see cref="IForwardingRoom.DropNextVideoPackets"/>).</summary>
    FaultInjected,

    /// <summary>The peer refused it (closed meanwhile, send buffer full).</summary>
    SendFailed,
}
