namespace VanYen.Media.Server.Api;

/// <summary>The <c>reason</c> codes of the test clock.</summary>
public static class TestClockErrors
{
    /// <summary>Clock control is not enabled (404).</summary>
    public const string ClockControlOff = "clock-control-off";

    /// <summary>A negative, endless or too long advance (400).</summary>
    public const string InvalidAdvance = "invalid-clock-advance";
}
