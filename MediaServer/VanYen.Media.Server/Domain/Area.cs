namespace VanYen.Media.Server.Domain;

/// <summary>One node of the area tree.</summary>
/// <param name="Id">Database identity.</param>
/// <param name="ParentId">The enclosing area; <see langword="null"/> only for a district.</param>
/// <param name="Kind">District, commune or village.</param>
/// <param name="Name">Display name, e.g. "Xã An Thịnh"; unique among its siblings.</param>
/// <param name="RequiresApproval">Bulletins announced from this area wait for an approver before they air.</param>
public sealed record Area(long Id, long? ParentId, AreaKind Kind, string Name, bool RequiresApproval);
