namespace VanYen.Media.Engine.Delivery.Streams;

/// <summary>Why an HTTP listener's stream of a cluster ended.</summary>
public enum ClusterStreamEnd
{
    /// <summary>The listener went away (the request was aborted or the connection closed).</summary>
    ClientGone,

    /// <summary>The listener fell too far behind the live program and was dropped rather than buffered without end.</summary>
    TooSlow,

    /// <summary>The server stopped the stream (shutdown, or the encoder failed).</summary>
    Stopped,
}
