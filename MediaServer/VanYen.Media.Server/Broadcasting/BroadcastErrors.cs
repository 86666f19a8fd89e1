namespace VanYen.Media.Server.Broadcasting;

/// <summary>The <see cref="Domain.DomainException.Reason"/> codes of broadcasts and schedules.</summary>
public static class BroadcastErrors
{
    public const string BroadcastNotFound = "broadcast-not-found";
    public const string UnknownCluster = "unknown-cluster";
    public const string UnknownArea = "unknown-area";
    public const string NoTargets = "no-targets";
    public const string OutsideScope = "outside-scope";
    public const string HigherScope = "higher-scope";
    public const string InvalidCommand = "invalid-command";
    public const string TextTooLong = "text-too-long";
    public const string StartInPast = "start-in-the-past";
    public const string InvalidRecurrence = "invalid-recurrence";
    public const string NotAwaitingApproval = "not-awaiting-approval";
    public const string AlreadyEnded = "already-ended";
    public const string CreatorGone = "creator-gone";
    public const string AlreadyStarted = "already-started";
}
