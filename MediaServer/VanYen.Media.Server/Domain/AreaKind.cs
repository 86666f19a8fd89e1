namespace VanYen.Media.Server.Domain;

/// <summary>The level of an area in the tree: huyện → xã → thôn.</summary>
public enum AreaKind
{
    /// <summary>Huyện: the root of the tree.</summary>
    District,

    /// <summary>Xã or thị trấn: a child of the district; has a commune radio station.</summary>
    Commune,

    /// <summary>Thôn, bản or tổ dân phố: a child of a commune.</summary>
    Village,
}
