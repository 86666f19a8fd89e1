namespace VanYen.Media.Server.Testing;

/// <summary>Test-only switches, from the configuration section <see cref="SectionName"/>; all off by default.</summary>
public sealed class TestingOptions
{
    /// <summary>The configuration section: "VanYen:Testing".</summary>
    public const string SectionName = "VanYen:Testing";

    /// <summary>
    /// Lets a test move the scheduler's clock forward with <c>POST /api/testing/clock/advance</c> (404 while off).
    /// Only the scheduler's clock moves; the media clock and everything else keep real time. Never on in production.
    /// </summary>
    public bool ClockControl { get; set; }
}
