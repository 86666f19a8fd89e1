namespace VanYen.Media.Server.Broadcasting;

/// <summary>The priority an announcer picks for a bulletin or relay (live voice is always <c>Live</c>, set by the engine side).</summary>
public enum BroadcastLevel
{
    /// <summary>Filler.</summary>
    Background,

    /// <summary>A relayed station.</summary>
    Relay,

    /// <summary>Bản tin thông thường.</summary>
    Normal,

    /// <summary>Bản tin ưu tiên.</summary>
    Priority,

    /// <summary>Bản tin khẩn cấp: never waits for approval, chime on by default.</summary>
    Emergency,
}
