using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Api;

/// <summary>The caller with a fresh snapshot of the area tree, for the scope checks of one request.</summary>
public sealed class CallerScope
{
    private CallerScope(User caller, AreaTree areas)
    {
        Caller = caller;
        Areas = areas;
        Policy = new ScopePolicy(areas);
    }

    /// <summary>The signed-in user, as stored now.</summary>
    public User Caller { get; }

    /// <summary>The whole area tree.</summary>
    public AreaTree Areas { get; }

    /// <summary>Who may do what where.</summary>
    public ScopePolicy Policy { get; }

    /// <summary>Loads the caller (401 if not signed in) and the area tree.</summary>
    public static async Task<CallerScope> LoadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        User caller = await context.GetCallerAsync().ConfigureAwait(false);
        var areas = context.RequestServices.GetRequiredService<IAreaRepository>();
        return new CallerScope(caller, await areas.GetTreeAsync(context.RequestAborted).ConfigureAwait(false));
    }

    /// <summary>The area, or 404.</summary>
    public Area RequireArea(long areaId) =>
        Areas.Find(areaId) ?? throw new DomainNotFoundException(DomainErrors.AreaNotFound, $"There is no area {areaId}.");

    /// <summary>Checks the caller may do <paramref name="action"/> in the area: 403 naming <paramref name="what"/> otherwise.</summary>
    public void Require(ScopeAction action, long areaId, string what)
    {
        if (!Policy.Can(Caller, action, areaId))
        {
            throw ApiProblems.OutsideScope(what);
        }
    }

    /// <summary>The area of a filter: the caller's own scope when none is given, else one they may see.</summary>
    public long ViewableAreaOrScope(long? areaId)
    {
        if (areaId is not long id)
        {
            return Caller.ScopeAreaId;
        }

        RequireArea(id);
        Require(ScopeAction.View, id, $"Area {id}");
        return id;
    }

    /// <summary>Whether <paramref name="role"/> ranks above the caller's (a user cannot create or raise a user above themself).</summary>
    public bool IsAboveCaller(UserRole role) => role > Caller.Role;
}
