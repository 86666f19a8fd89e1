namespace VanYen.Media.Engine.Broadcast;

/// <summary>
/// Who wins a loudspeaker cluster. Circular 39/2020/TT-BTTTT names three bulletin levels (normal, priority,
/// emergency); live voice and relays sit among them: emergency &gt; live &gt; priority &gt; normal &gt; relay &gt; background.
/// </summary>
public enum ProgramPriority
{
    /// <summary>Filler that plays only when nothing else wants the cluster.</summary>
    Background = 0,

    /// <summary>A relayed station (tiếp sóng), e.g. national radio news.</summary>
    Relay = 1,

    /// <summary>Bản tin thông thường.</summary>
    Normal = 2,

    /// <summary>Bản tin ưu tiên.</summary>
    Priority = 3,

    /// <summary>An announcer speaking live (phát trực tiếp).</summary>
    Live = 4,

    /// <summary>Bản tin khẩn cấp: over everything in its scope.</summary>
    Emergency = 5,
}
