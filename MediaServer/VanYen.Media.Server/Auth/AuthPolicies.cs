namespace VanYen.Media.Server.Auth;

/// <summary>
/// Authorization policy names. A role policy only says the role may ever do the action
/// (<see cref="Security.ScopePolicy.RoleAllows"/>); the endpoint still checks the scope.
/// </summary>
public static class AuthPolicies
{
    /// <summary>Any signed-in person.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Roles that may broadcast: announcers and admins.</summary>
    public const string Broadcast = "broadcast";

    /// <summary>Roles that may approve bulletins: approvers and admins.</summary>
    public const string Approve = "approve";

    /// <summary>Roles that may manage users, areas, clusters and receivers: admins.</summary>
    public const string Manage = "manage";
}
