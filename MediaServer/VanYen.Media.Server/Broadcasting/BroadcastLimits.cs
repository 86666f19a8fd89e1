namespace VanYen.Media.Server.Broadcasting;

/// <summary>Bounds checked on every broadcast command (a violation is HTTP 400 naming the field).</summary>
public static class BroadcastLimits
{
    /// <summary>Longest TTS text accepted.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>Most plays of one bulletin.</summary>
    public const int MaxRepetitions = 20;

    /// <summary>Longest gap between plays.</summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(30);
}
