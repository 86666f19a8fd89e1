using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;

namespace VanYen.Media.Browser.Tests.ConsolePanels;

public sealed partial class ConsolePanelsTests
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    [Fact]
    public async Task AScheduledBulletinShowsInTheWeekIsEditedAndFiresOnTheTestClock()
    {
        await fixture.SilenceAsync();
        await using var browser = await Chromium.LaunchAsync(fixture.Speech.Path);
        var console = new List<string>();
        IPage page = await fixture.OpenPanelAsync(browser, "schedules", console);
        await fixture.ChooseClusterAsync(page);

        string title = "Lịch thử " + Guid.NewGuid().ToString("N")[..6];
        DateTimeOffset first = NextWholeMinute(TimeSpan.FromMinutes(10));
        await page.FillAsync(".schedule-form input[data-field=title]", title);
        await page.FillAsync(".schedule-form textarea[data-field=text]", SpeechFile.Sentence);
        await FillWhenAsync(page, first);
        await page.ClickAsync(".schedule-form button[data-action=submit]");
        ILocator item = page.Locator(".schedule-item", new PageLocatorOptions { HasText = title });
        await ConsolePanelsFixture.WaitForAsync(page, item, console);
        string id = (await item.GetAttributeAsync("data-broadcast-id"))!;
        JsonElement scheduled = await fixture.GetBroadcastAsync(id);
        Assert.Equal("scheduled", ConsolePanelsFixture.State(scheduled));
        Assert.Equal(first, scheduled.GetProperty("nextRunAt").GetDateTimeOffset());

        // The week view places the run in its day's column at its time (unless that is already next week).
        if (WeekStart(first) == WeekStart(DateTimeOffset.UtcNow))
        {
            ILocator run = page.Locator($".week-day[data-date='{VietnamDate(first)}'] .week-run[data-broadcast-id='{id}']");
            Assert.Equal(VietnamTime(first), await run.GetAttributeAsync("data-time"));
        }

        // Edit its time.
        DateTimeOffset moved = NextWholeMinute(TimeSpan.FromMinutes(20));
        await item.Locator("button[data-action=edit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.schedule-form textarea[data-field=text]').value.length > 0");
        await FillWhenAsync(page, moved);
        await page.ClickAsync(".schedule-form button[data-action=submit]");
        await ConsolePanelsFixture.WaitUntilAsync(
            async () => (await fixture.GetBroadcastAsync(id)).GetProperty("nextRunAt").GetDateTimeOffset() == moved,
            "the edited start time is stored");
        await page.Locator($".schedule-item[data-broadcast-id='{id}'] .next-run", new PageLocatorOptions { HasText = VietnamTime(moved) }).WaitForAsync(new LocatorWaitForOptions { Timeout = 10000 });

        // Move the scheduler's clock to just after the new time: it fires, and the receiver plays it.
        long packetsBefore = fixture.Receiver.ReceivedPackets;
        double seconds = (moved - DateTimeOffset.UtcNow).TotalSeconds + 2;
        using (var advance = await fixture.Api.PostAsJsonAsync("/api/testing/clock/advance", new { seconds }))
        {
            advance.EnsureSuccessStatusCode();
            output.WriteLine($"scheduler clock advanced {seconds:F0} s: {await advance.Content.ReadAsStringAsync()}");
        }

        await ConsolePanelsFixture.WaitUntilAsync(
            async () =>
            {
                JsonElement view = await fixture.GetBroadcastAsync(id);
                return ConsolePanelsFixture.State(view) == "ended" && view.TryGetProperty("endReason", out var reason) && reason.GetString() == "finished";
            },
            "the scheduled bulletin fires and plays to its end",
            40);
        Assert.True(fixture.Receiver.ReceivedPackets - packetsBefore > 50, $"the receiver got {fixture.Receiver.ReceivedPackets - packetsBefore} packets of the scheduled bulletin");
        await page.Locator($".schedule-item[data-broadcast-id='{id}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 10000 });
        output.WriteLine($"{id} fired: {Describe(await fixture.GetBroadcastAsync(id))}");
    }

    [Fact]
    public async Task AWeeklyScheduleFillsEveryDayOfNextWeekAndIsDeleted()
    {
        await using var browser = await Chromium.LaunchAsync(fixture.Speech.Path);
        var console = new List<string>();
        IPage page = await fixture.OpenPanelAsync(browser, "schedules", console);
        await fixture.ChooseClusterAsync(page);

        string title = "Lịch tuần " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync(".schedule-form input[data-field=title]", title);
        await page.FillAsync(".schedule-form textarea[data-field=text]", SpeechFile.Sentence);
        await page.CheckAsync(".schedule-form input[type=radio][value=weekly]");
        await page.FillAsync(".schedule-form input[type=time]", "05:45");
        await page.ClickAsync(".schedule-form button[data-action=submit]");
        ILocator item = page.Locator(".schedule-item", new PageLocatorOptions { HasText = title });
        await ConsolePanelsFixture.WaitForAsync(page, item, console);
        string id = (await item.GetAttributeAsync("data-broadcast-id"))!;
        JsonElement view = await fixture.GetBroadcastAsync(id);
        Assert.Equal("45 5 * * *", view.GetProperty("recurrence").GetString());

        await page.ClickAsync("button[data-action=next-week]");
        ILocator runs = page.Locator($".week-run[data-broadcast-id='{id}']");
        Assert.Equal(7, await runs.CountAsync());
        Assert.Equal(7, await page.Locator($".week-day .week-run[data-broadcast-id='{id}'][data-time='05:45']").CountAsync());

        await item.Locator("button[data-action=delete]").ClickAsync();
        await page.ClickAsync("#harness-dialog button[data-action=confirm-yes]");
        await page.Locator($".schedule-item[data-broadcast-id='{id}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 10000 });
        Assert.Equal(0, await runs.CountAsync());
        Assert.Equal("ended", ConsolePanelsFixture.State(await fixture.GetBroadcastAsync(id)));
    }

    /// <summary>A whole minute at least <paramref name="ahead"/> from now (schedules are to the minute).</summary>
    private static DateTimeOffset NextWholeMinute(TimeSpan ahead)
    {
        DateTimeOffset at = DateTimeOffset.UtcNow + ahead;
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);
    }

    private static string VietnamDate(DateTimeOffset at) => at.ToOffset(VietnamOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string VietnamTime(DateTimeOffset at) => at.ToOffset(VietnamOffset).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static DateTime WeekStart(DateTimeOffset at)
    {
        DateTime local = at.ToOffset(VietnamOffset).Date;
        return local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
    }

    private static async Task FillWhenAsync(IPage page, DateTimeOffset at)
    {
        await page.CheckAsync(".schedule-form input[type=radio][value=once]");
        await page.FillAsync(".schedule-form input[type=date]", VietnamDate(at));
        await page.FillAsync(".schedule-form input[type=time]", VietnamTime(at));
    }
}
