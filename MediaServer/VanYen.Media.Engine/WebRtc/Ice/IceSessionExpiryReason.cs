namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>Why <see cref="IceLiteAgent.ExpireStale"/> removed a session.</summary>
public enum IceSessionExpiryReason
{
    /// <summary>No authenticated check arrived within <see cref="IceLiteAgentOptions.ConnectTimeout"/> of registration.</summary>
    NeverConnected,

    /// <summary>No authenticated check arrived for <see cref="IceLiteAgentOptions.ConsentTimeout"/> (RFC 7675 §5.1).</summary>
    ConsentExpired,
}
