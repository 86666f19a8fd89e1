namespace VanYen.Media.Server.Domain;

/// <summary>The <see cref="DomainException.Reason"/> codes, stable for clients.</summary>
public static class DomainErrors
{
    public const string InvalidName = "invalid-name";
    public const string UnknownParentArea = "unknown-parent-area";
    public const string WrongParentKind = "wrong-parent-kind";
    public const string AreaNameTaken = "area-name-taken";
    public const string AreaInUse = "area-in-use";
    public const string AreaNotFound = "area-not-found";
    public const string UnknownArea = "unknown-area";
    public const string ClusterAreaKind = "cluster-area-must-be-commune-or-village";
    public const string VolumeOutOfRange = "volume-out-of-range";
    public const string ClusterNotFound = "cluster-not-found";
    public const string UnknownCluster = "unknown-cluster";
    public const string ReceiverNotFound = "receiver-not-found";
    public const string SecretInUse = "secret-in-use";
    public const string InvalidSecretHash = "invalid-secret-hash";
    public const string InvalidUsername = "invalid-username";
    public const string UsernameTaken = "username-taken";
    public const string UnknownScopeArea = "unknown-scope-area";
    public const string InvalidPasswordHash = "invalid-password-hash";
    public const string UserNotFound = "user-not-found";
    public const string InvalidAuditEntry = "invalid-audit-entry";
    public const string InvalidQuery = "invalid-query";
    public const string InvalidAbbreviation = "invalid-abbreviation";
}
