namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>Where an <see cref="IceSession"/> is in its life.</summary>
public enum IceSessionState
{
    /// <summary>Registered; no authenticated check has arrived yet.</summary>
    New,

    /// <summary>At least one authenticated check arrived and consent is fresh (RFC 7675).</summary>
    Connected,

    /// <summary>Consent lapsed, or no check ever came: the agent removed the session (see <see cref="IceLiteAgent.SessionExpired"/>).</summary>
    Expired,

    /// <summary>Removed by <see cref="IceLiteAgent.Remove"/>.</summary>
    Closed,
}
