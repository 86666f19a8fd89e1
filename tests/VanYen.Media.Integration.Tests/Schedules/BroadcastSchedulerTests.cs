using System.Text.Json;
using VanYen.Media.Integration.Tests.Broadcasting;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Broadcasting;

namespace VanYen.Media.Integration.Tests.Schedules;

/// <summary>Schedules on fake time (the context's clock starts at 2025-03-14 08:30 in Hà Nội), over a recording engine.</summary>
public class BroadcastSchedulerTests
{
    private static BroadcastCommand Speech(string title, long clusterId) => new()
    {
        Title = title,
        Source = new BroadcastSource { Kind = BroadcastSourceKind.Tts, Text = "Bản tin buổi sáng." },
        ClusterIds = [clusterId],
    };

    private static DateTimeOffset Local(int day, int hour, int minute) => new(2025, 3, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task AOneOffScheduleFiresAtItsTimeAsItsCreatorAndNotBefore()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;
        using var scheduler = context.CreateScheduler();
        DateTimeOffset at = Local(14, 9, 15);

        var view = await context.Service.StartAsync(context.ThacCaAnnouncer, Speech("Tin 9 giờ 15", context.ThacCaCluster.Id) with { StartAt = at }, default);
        Assert.Equal(BroadcastState.Scheduled, view.State);
        Assert.Equal(at, view.NextRunAt);

        context.Db.Time.SetUtcNow(at.AddSeconds(-1));
        Assert.Equal(at, await scheduler.RunDueAsync(default));
        Assert.Empty(engine.Started);

        context.Db.Time.SetUtcNow(at);
        Assert.Null(await scheduler.RunDueAsync(default));

        var request = Assert.Single(engine.Started);
        Assert.Equal(view.Id, request.Id);
        var started = await context.WaitForAuditAsync(AuditActions.BroadcastStarted);
        Assert.Equal("thacca", started[0].UserName);
        Assert.Single(await context.AuditAsync(AuditActions.ScheduleFired));
        Assert.Empty(await context.Store.GetPendingAsync());
    }

    [Fact]
    public async Task TheHostedSchedulerWakesAtTheFakeTimeAndFires()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;
        using var scheduler = context.CreateScheduler();
        await scheduler.StartAsync(default);
        await WaitUntilAsync(() => scheduler.IsReady);

        var view = await context.Service.StartAsync(context.ThacCaAnnouncer, Speech("Tin sáng", context.ThacCaCluster.Id) with { Recurrence = "0 6 * * *" }, default);
        DateTimeOffset first = Local(15, 6, 0);
        Assert.Equal(first, view.NextRunAt);
        await WaitUntilAsync(() => scheduler.NextWakeAt == first);

        context.Db.Time.SetUtcNow(first.AddMinutes(-1));
        await Task.Delay(100);
        Assert.Empty(engine.Started);
        context.Db.Time.SetUtcNow(first);
        await WaitUntilAsync(() => engine.Started.Count == 1);
        await WaitUntilAsync(() => scheduler.NextWakeAt == Local(16, 6, 0));

        // A recurring schedule's runs are broadcasts of their own; the schedule stays.
        Assert.NotEqual(view.Id, engine.Started[0].Id);
        Assert.Equal(Local(16, 6, 0), (await context.Store.GetAsync(view.Id))!.NextRunAt);
        await scheduler.StopAsync(default);
    }

    [Fact]
    public async Task SchedulesSurviveARestartAndARunMissedWhileDownIsAuditedNotPlayed()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;
        var view = await context.Service.StartAsync(context.ThacCaAnnouncer, Speech("Tin sáng", context.ThacCaCluster.Id) with { Recurrence = "0 6 * * *" }, default);

        // Restart before the run: it still fires.
        await context.RestartServiceAsync();
        using (var scheduler = context.CreateScheduler())
        {
            await scheduler.SweepMissedAsync(default);
            context.Db.Time.SetUtcNow(Local(15, 6, 0));
            await scheduler.RunDueAsync(default);
        }

        Assert.Single(engine.Started);

        // Down from before 06:00 on the 16th until 08:00: that run is missed, not played late.
        await context.RestartServiceAsync();
        context.Db.Time.SetUtcNow(Local(16, 8, 0));
        using (var scheduler = context.CreateScheduler())
        {
            await scheduler.SweepMissedAsync(default);
            Assert.Equal(Local(17, 6, 0), await scheduler.RunDueAsync(default));
        }

        Assert.Single(engine.Started);
        var missed = Assert.Single(await context.AuditAsync(AuditActions.ScheduleMissed));
        Assert.Equal(view.Id, missed.TargetId);
        using var details = JsonDocument.Parse(missed.DetailsJson!);
        Assert.Equal(Local(16, 6, 0), details.RootElement.GetProperty("plannedAt").GetDateTimeOffset());
        Assert.Equal(Local(17, 6, 0), (await context.Store.GetAsync(view.Id))!.NextRunAt);
    }

    [Fact]
    public async Task APendingBulletinDoesNotFireAndIsAuditedAsSkippedUnapproved()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;
        using var scheduler = context.CreateScheduler();
        DateTimeOffset at = Local(14, 10, 0);

        var view = await context.Service.StartAsync(context.LangHocAnnouncer, Speech("Họp thôn", context.LangHocCluster.Id) with { StartAt = at }, default);
        context.Db.Time.SetUtcNow(at);
        await scheduler.RunDueAsync(default);

        Assert.Equal(BroadcastState.AwaitingApproval, view.State);
        Assert.Empty(engine.Started);
        Assert.Equal(view.Id, Assert.Single(await context.AuditAsync(AuditActions.ScheduleSkippedUnapproved)).TargetId);
    }

    [Fact]
    public async Task AnApprovedScheduleFiresAtItsTime()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;
        using var scheduler = context.CreateScheduler();
        DateTimeOffset at = Local(14, 10, 0);

        var view = await context.Service.StartAsync(context.LangHocAnnouncer, Speech("Họp thôn", context.LangHocCluster.Id) with { StartAt = at }, default);
        var approved = await context.Service.ApproveAsync(context.AnThinhApprover, view.Id, default);
        Assert.Equal(BroadcastState.Scheduled, approved.State);
        Assert.Empty(engine.Started);
        context.Db.Time.SetUtcNow(at);
        await scheduler.RunDueAsync(default);

        Assert.Equal(view.Id, Assert.Single(engine.Started).Id);
    }

    [Fact]
    public async Task ARunWhoseCreatorWasDeletedIsSkipped()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;
        using var scheduler = context.CreateScheduler();
        DateTimeOffset at = Local(14, 10, 0);
        await context.Service.StartAsync(context.ThacCaAnnouncer, Speech("Tin", context.ThacCaCluster.Id) with { StartAt = at }, default);

        await context.Db.Users.DeleteAsync(context.ThacCaAnnouncer.Id);
        context.Db.Time.SetUtcNow(at);
        await scheduler.RunDueAsync(default);

        Assert.Empty(engine.Started);
        Assert.Contains("thacca", Assert.Single(await context.AuditAsync(AuditActions.ScheduleSkipped)).DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingAScheduleRemovesIt()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;
        using var scheduler = context.CreateScheduler();
        DateTimeOffset at = Local(14, 10, 0);
        var view = await context.Service.StartAsync(context.ThacCaAnnouncer, Speech("Tin", context.ThacCaCluster.Id) with { StartAt = at }, default);

        var cancelled = await context.Service.CancelAsync(context.ThacCaAnnouncer, view.Id, null, default);
        context.Db.Time.SetUtcNow(at);
        await scheduler.RunDueAsync(default);

        Assert.Equal(BroadcastState.Ended, cancelled.State);
        Assert.Empty(engine.Started);
        Assert.Single(await context.AuditAsync(AuditActions.ScheduleCancelled));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
