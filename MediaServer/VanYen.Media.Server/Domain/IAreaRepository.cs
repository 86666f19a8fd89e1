namespace VanYen.Media.Server.Domain;

/// <summary>The area tree: district → communes → villages.</summary>
public interface IAreaRepository
{
    /// <summary>The area, or <see langword="null"/>.</summary>
    Task<Area?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The areas without a parent (districts), by name.</summary>
    Task<IReadOnlyList<Area>> GetRootsAsync(CancellationToken cancellationToken = default);

    /// <summary>The direct children, by name.</summary>
    Task<IReadOnlyList<Area>> GetChildrenAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The enclosing areas, nearest first (parent, …, district).</summary>
    Task<IReadOnlyList<Area>> GetAncestorsAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Every area below this one (not itself), level by level, by name within a level.</summary>
    Task<IReadOnlyList<Area>> GetDescendantsAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="areaId"/> is <paramref name="scopeAreaId"/> or lies below it.</summary>
    Task<bool> IsWithinAsync(long scopeAreaId, long areaId, CancellationToken cancellationToken = default);

    /// <summary>The whole tree in memory, for scope checks.</summary>
    Task<AreaTree> GetTreeAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an area under its parent.</summary>
    /// <exception cref="DomainValidationException">Empty name, unknown parent, or a parent of the wrong kind.</exception>
    /// <exception cref="DomainConflictException">A sibling already has the name.</exception>
    Task<Area> AddAsync(NewArea area, CancellationToken cancellationToken = default);

    /// <summary>Renames an area and sets its approval flag; parent and kind never change.</summary>
    /// <exception cref="DomainNotFoundException">No such area.</exception>
    /// <exception cref="DomainConflictException">A sibling already has the name.</exception>
    Task<Area> UpdateAsync(long id, string name, bool requiresApproval, CancellationToken cancellationToken = default);

    /// <summary>Removes an area with nothing in it; false when there was no such area.</summary>
    /// <exception cref="DomainConflictException">It still has child areas, clusters or users.</exception>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);
}
