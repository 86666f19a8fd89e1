namespace VanYen.Media.Server.Domain;

/// <summary>An area to add to the tree.</summary>
/// <param name="ParentId">The district for a commune, the commune for a village, <see langword="null"/> for a district.</param>
/// <param name="Kind">District, commune or village.</param>
/// <param name="Name">Display name; unique among its siblings.</param>
/// <param name="RequiresApproval">Bulletins announced from this area wait for an approver.</param>
public sealed record NewArea(long? ParentId, AreaKind Kind, string Name, bool RequiresApproval = false);
