using VanYen.Media.Server.Schedules;

namespace VanYen.Media.Integration.Tests.Schedules;

public class CronExpressionTests
{
    private static readonly TimeZoneInfo s_vietnam = BroadcastTimeZone.Vietnam;

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void TheVietnamZoneIsUtcPlusSevenAllYearWithoutDaylightSaving()
    {
        for (int month = 1; month <= 12; month++)
        {
            var instant = new DateTimeOffset(2026, month, 15, 12, 0, 0, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromHours(7), s_vietnam.GetUtcOffset(instant));
            Assert.False(s_vietnam.IsDaylightSavingTime(instant));
        }
    }

    [Fact]
    public void EveryDayAtSixFiresAtSixLocalWhichIsTwentyThreeUtcTheDayBefore()
    {
        var cron = CronExpression.Parse("0 6 * * *");

        var next = cron.Next(Local(2026, 11, 27, 8, 30), s_vietnam);

        Assert.Equal(Local(2026, 11, 28, 6, 0), next);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(Local(2026, 11, 27, 6, 0), cron.Next(Local(2026, 11, 27, 5, 59), s_vietnam));
    }

    [Fact]
    public void NextIsStrictlyAfterTheGivenTime()
    {
        var cron = CronExpression.Parse("0 6 * * *");

        Assert.Equal(Local(2026, 11, 28, 6, 0), cron.Next(Local(2026, 11, 27, 6, 0), s_vietnam));
    }

    [Fact]
    public void WeekdaysAtFivePmSkipTheWeekend()
    {
        var cron = CronExpression.Parse("0 17 * * 1-5");

        // 2026-11-27 is a Friday.
        Assert.Equal(Local(2026, 11, 27, 17, 0), cron.Next(Local(2026, 11, 27, 9, 0), s_vietnam));
        Assert.Equal(Local(2026, 11, 30, 17, 0), cron.Next(Local(2026, 11, 27, 17, 0), s_vietnam));
        Assert.Equal(DayOfWeek.Monday, Local(2026, 11, 30, 17, 0).DayOfWeek);
    }

    [Theory]
    [InlineData("*/15 * * * *", "2026-11-27T08:07", "2026-11-27T08:15")]
    [InlineData("5,35 6-7 * * *", "2026-11-27T06:36", "2026-11-27T07:05")]
    [InlineData("0 6 1 * *", "2026-11-27T08:00", "2026-12-01T06:00")]
    [InlineData("0 6 * 1 *", "2026-11-27T08:00", "2027-01-01T06:00")]
    [InlineData("0 0 29 2 *", "2026-03-01T00:00", "2028-02-29T00:00")]
    [InlineData("30 6 * * SUN", "2026-11-27T08:00", "2026-11-29T06:30")]
    [InlineData("0 6 * * 7", "2026-11-27T08:00", "2026-11-29T06:00")]
    [InlineData("0 6 13 * 5", "2026-11-27T08:00", "2026-12-04T06:00")]
    [InlineData("0 8-18/5 * * *", "2026-11-27T08:01", "2026-11-27T13:00")]
    [InlineData("0 6 * JAN-MAR MON", "2026-11-27T08:00", "2027-01-04T06:00")]
    public void NextFollowsEachFieldForm(string expression, string afterLocal, string expectedLocal)
    {
        var cron = CronExpression.Parse(expression);
        DateTimeOffset after = DateTimeOffset.Parse(afterLocal + "+07:00", System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset expected = DateTimeOffset.Parse(expectedLocal + "+07:00", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, cron.Next(after, s_vietnam));
    }

    [Fact]
    public void AnImpossibleDateNeverFires()
    {
        Assert.Null(CronExpression.Parse("0 0 31 2 *").Next(Local(2026, 1, 1, 0, 0), s_vietnam));
    }

    [Theory]
    [InlineData("0 6 * *", "5 fields")]
    [InlineData("60 6 * * *", "minute field '60' has 60, outside 0 to 59")]
    [InlineData("0 24 * * *", "hour field")]
    [InlineData("0 6 0 * *", "day-of-month field")]
    [InlineData("0 6 * 13 *", "month field")]
    [InlineData("0 6 * * 8", "day-of-week field")]
    [InlineData("0 6 * * MON-FOO", "'FOO'")]
    [InlineData("*/0 * * * *", "bad step")]
    [InlineData("0 18-6 * * *", "ends before it starts")]
    [InlineData("0 6,,7 * * *", "empty list item")]
    public void AMalformedExpressionSaysWhatIsWrong(string expression, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CronExpression.Parse(expression));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(CronExpression.TryParse(expression, out _, out string? reason));
        Assert.Equal(error.Message, reason);
    }

    [Fact]
    public void ASkippedWallClockTimeDoesNotFireInAZoneWithDaylightSaving()
    {
        // Where clocks jump (here a custom zone: 02:00 → 03:00 on the last Sunday of March), 02:30 does not exist.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Summer", TimeSpan.FromHours(1), "Test", "Test", "Test Summer", [rule]);
        var cron = CronExpression.Parse("30 2 * * *");

        DateTimeOffset? next = cron.Next(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.FromHours(1)), zone);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 2, 30, 0, TimeSpan.FromHours(2)), next);
    }
}
