using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>An area with its children, as <c>GET /api/areas</c> returns the tree.</summary>
public sealed record AreaNode(long Id, long? ParentId, AreaKind Kind, string Name, bool RequiresApproval, IReadOnlyList<AreaNode> Children)
{
    /// <summary>The subtree under <paramref name="area"/>.</summary>
    public static AreaNode Build(AreaTree tree, Area area)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(area);
        return new AreaNode(area.Id, area.ParentId, area.Kind, area.Name, area.RequiresApproval, tree.Children(area.Id).Select(child => Build(tree, child)).ToArray());
    }
}
