namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>Raised by <see cref="IceLiteAgent.SessionExpired"/> after the session has been removed from the agent.</summary>
public sealed class IceSessionExpiredEventArgs(IceSession session, IceSessionExpiryReason reason) : EventArgs
{
    /// <summary>The session, now in <see cref="IceSessionState.Expired"/>.</summary>
    public IceSession Session { get; } = session;

    /// <summary>Why it expired.</summary>
    public IceSessionExpiryReason Reason { get; } = reason;
}
