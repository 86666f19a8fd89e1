namespace VanYen.Media.Relay.Tests.Testing;

/// <summary>What a <see cref="PacedStreamServer"/> connection does once its play time is over.</summary>
internal enum StreamEnd
{
    /// <summary>Never ends: loops the content.</summary>
    Never,

    /// <summary>Closes the connection and stops listening: reconnecting is refused.</summary>
    CloseAndStopListening,

    /// <summary>Keeps the socket open and sends nothing more.</summary>
    Stall,

    /// <summary>Goes on with the "after" content (silence), looped.</summary>
    SwitchContent,
}
