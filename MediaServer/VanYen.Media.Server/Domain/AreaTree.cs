namespace VanYen.Media.Server.Domain;

/// <summary>
/// A snapshot of the whole area tree in memory. A district has a few hundred
/// areas at most, so scope checks (<c>Security.ScopePolicy</c>) walk this instead of querying.
/// </summary>
public sealed class AreaTree
{
    private static readonly IReadOnlyList<Area> s_none = [];
    private readonly Dictionary<long, Area> _byId = [];
    private readonly Dictionary<long, List<Area>> _children = [];

    public AreaTree(IEnumerable<Area> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        foreach (var area in areas)
        {
            _byId.Add(area.Id, area);
        }

        foreach (var area in _byId.Values)
        {
            if (area.ParentId is long parentId)
            {
                if (!_children.TryGetValue(parentId, out var siblings))
                {
                    siblings = [];
                    _children.Add(parentId, siblings);
                }

                siblings.Add(area);
            }
        }

        foreach (var siblings in _children.Values)
        {
            siblings.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        Roots = _byId.Values.Where(a => a.ParentId is null).OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The districts (usually one).</summary>
    public IReadOnlyList<Area> Roots { get; }

    /// <summary>Every area.</summary>
    public int Count => _byId.Count;

    /// <summary>The area with this id, or <see langword="null"/>.</summary>
    public Area? Find(long id) => _byId.GetValueOrDefault(id);

    /// <summary>The direct children, by name.</summary>
    public IReadOnlyList<Area> Children(long id) => _children.TryGetValue(id, out var children) ? children : s_none;

    /// <summary>The enclosing areas, nearest first (parent, grandparent, …, district). Empty for an unknown id.</summary>
    public IReadOnlyList<Area> Ancestors(long id)
    {
        var ancestors = new List<Area>();
        var current = Find(id);
        while (current?.ParentId is long parentId && _byId.TryGetValue(parentId, out var parent))
        {
            ancestors.Add(parent);
            current = parent;
        }

        return ancestors;
    }

    /// <summary>Every area below this one (not itself), level by level.</summary>
    public IReadOnlyList<Area> Descendants(long id)
    {
        var descendants = new List<Area>();
        var level = new List<Area>(Children(id));
        while (level.Count > 0)
        {
            descendants.AddRange(level);
            var next = new List<Area>();
            foreach (var area in level)
            {
                next.AddRange(Children(area.Id));
            }

            level = next;
        }

        return descendants;
    }

    /// <summary>Whether <paramref name="areaId"/> is <paramref name="scopeAreaId"/> itself or lies below it. False when either is unknown.</summary>
    public bool IsWithin(long scopeAreaId, long areaId)
    {
        if (!_byId.ContainsKey(scopeAreaId))
        {
            return false;
        }

        var current = Find(areaId);
        while (current is not null)
        {
            if (current.Id == scopeAreaId)
            {
                return true;
            }

            current = current.ParentId is long parentId ? Find(parentId) : null;
        }

        return false;
    }

    /// <summary>The area and its ancestors, from itself up to the district.</summary>
    public IEnumerable<Area> SelfAndAncestors(long id)
    {
        if (Find(id) is not { } area)
        {
            yield break;
        }

        yield return area;
        foreach (var ancestor in Ancestors(id))
        {
            yield return ancestor;
        }
    }
}
