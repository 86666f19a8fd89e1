namespace VanYen.Media.Server.Schedules;

/// <summary>The time zone schedules are written in: Asia/Ho_Chi_Minh (UTC+7, no daylight saving).</summary>
public static class BroadcastTimeZone
{
    /// <summary>The IANA id.</summary>
    public const string Id = "Asia/Ho_Chi_Minh";

    /// <summary>The zone; a fixed UTC+7 zone when the system has no time zone database.</summary>
    public static TimeZoneInfo Vietnam { get; } = Find();

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(Id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(Id, TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
        }
    }
}
