using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Security;

/// <summary>
/// Who may do what where. A user acts only inside their scope (their area and
/// everything below it), and only as their role allows: a viewer reads, an announcer
/// broadcasts, an approver approves, an admin does all of it and manages the rest.
/// </summary>
public sealed class ScopePolicy
{
    private readonly AreaTree _areas;

    /// <param name="areas">A current snapshot of the area tree (<see cref="IAreaRepository.GetTreeAsync"/>).</param>
    public ScopePolicy(AreaTree areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        _areas = areas;
    }

    /// <summary>Whether a role may ever do an action, wherever it is.</summary>
    public static bool RoleAllows(UserRole role, ScopeAction action) => (role, action) switch
    {
        (UserRole.Admin, _) => true,
        (_, ScopeAction.View) => true,
        (UserRole.Announcer, ScopeAction.Broadcast) => true,
        (UserRole.Approver, ScopeAction.Approve) => true,
        _ => false,
    };

    /// <summary>Whether the user may do <paramref name="action"/> to the area (which must lie in their scope).</summary>
    public bool Can(User user, ScopeAction action, long areaId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return RoleAllows(user.Role, action) && _areas.IsWithin(user.ScopeAreaId, areaId);
    }

    /// <summary>Whether the area lies in the user's scope, so they may see it.</summary>
    public bool CanView(User user, long areaId) => Can(user, ScopeAction.View, areaId);

    /// <summary>Whether the user may broadcast to the whole area.</summary>
    public bool CanActOnArea(User user, long areaId) => Can(user, ScopeAction.Broadcast, areaId);

    /// <summary>Whether the user may broadcast to the cluster.</summary>
    public bool CanActOnCluster(User user, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return CanActOnArea(user, cluster.AreaId);
    }

    /// <summary>Whether the user may approve bulletins for the area.</summary>
    public bool CanApprove(User user, long areaId) => Can(user, ScopeAction.Approve, areaId);

    /// <summary>Whether the user may manage users, areas, clusters and receivers in the area.</summary>
    public bool CanManage(User user, long areaId) => Can(user, ScopeAction.Manage, areaId);

    /// <summary>
    /// Whether the user may cancel or preempt a program started from <paramref name="programScopeAreaId"/>
    /// (the scope of whoever started it). Only from the same level or above:
    /// the village cannot cancel the district's emergency bulletin, the district can cancel the village's.
    /// </summary>
    public bool CanCancelProgram(User user, long programScopeAreaId) => Can(user, ScopeAction.Broadcast, programScopeAreaId);

    /// <summary>
    /// Whether a bulletin from this user must wait for an approver: true for an announcer
    /// whose scope area, or any area above it, requires approval. Admins and approvers approve their own.
    /// </summary>
    public bool NeedsApproval(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role == UserRole.Announcer && _areas.SelfAndAncestors(user.ScopeAreaId).Any(area => area.RequiresApproval);
    }
}
