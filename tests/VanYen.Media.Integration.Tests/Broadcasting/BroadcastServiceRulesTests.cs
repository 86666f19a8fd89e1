using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Integration.Tests.Broadcasting;

/// <summary>Scope, validation and approval rules, over a recording engine (no audio needed).</summary>
public class BroadcastServiceRulesTests
{
    private static BroadcastCommand Speech(string title, params long[] clusterIds) => new()
    {
        Title = title,
        Source = new BroadcastSource { Kind = BroadcastSourceKind.Tts, Text = "Thông báo của UBND xã về lịch tiêm chủng." },
        ClusterIds = clusterIds,
    };

    [Fact]
    public async Task AVillageAnnouncerIsRefusedOnANeighboursClusterNamingIt()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;

        var error = await Assert.ThrowsAsync<DomainForbiddenException>(() =>
            context.Service.StartAsync(context.ThacCaAnnouncer, Speech("Tin thôn", context.ThacCaCluster.Id, context.LangHocCluster.Id), default));

        Assert.Equal(BroadcastErrors.OutsideScope, error.Reason);
        Assert.Contains(context.LangHocCluster.Name, error.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Started);
    }

    [Fact]
    public async Task UnknownClustersAndAreasAreNotFoundNamingTheId()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();

        var cluster = await Assert.ThrowsAsync<DomainNotFoundException>(() => context.Service.StartAsync(context.DistrictAdmin, Speech("x", 4242), default));
        var area = await Assert.ThrowsAsync<DomainNotFoundException>(() =>
            context.Service.StartAsync(context.DistrictAdmin, Speech("x") with { AreaIds = [4343] }, default));

        Assert.Contains("4242", cluster.Message, StringComparison.Ordinal);
        Assert.Contains("4343", area.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAreaTargetReachesEveryClusterInsideIt()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;

        var view = await context.Service.StartAsync(context.AnThinhAnnouncer, Speech("Tin xã") with { AreaIds = [context.Tree.AnThinh.Id] }, default);

        long[] expected = [context.LangHocCluster.Id, context.ThacCaCluster.Id, context.AnThinhCluster.Id];
        Assert.Equal(expected.Order(), view.ClusterIds.Order());
        Assert.Equal(expected.Order(), Assert.Single(engine.Started).ClusterIds.Order());
        Assert.Equal(BroadcastState.Waiting, view.State);
        Assert.Equal(ProgramPriority.Normal, view.Priority);
        Assert.Equal(context.Tree.AnThinh.Id, view.ScopeAreaId);
        Assert.Equal("anthinh", view.CreatedBy);
    }

    [Fact]
    public async Task BadFieldsAreRefusedWithTheReason()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var admin = context.DistrictAdmin;
        var command = Speech("Tin", context.ThacCaCluster.Id);

        var tooLong = await Assert.ThrowsAsync<DomainValidationException>(() => context.Service.StartAsync(admin, command with
        {
            Source = command.Source with { Text = new string('a', BroadcastLimits.MaxTextLength + 1) },
        }, default));
        var past = await Assert.ThrowsAsync<DomainValidationException>(() =>
            context.Service.StartAsync(admin, command with { StartAt = context.Db.Time.GetUtcNow().AddMinutes(-5) }, default));
        var cron = await Assert.ThrowsAsync<DomainValidationException>(() => context.Service.StartAsync(admin, command with { Recurrence = "0 25 * * *" }, default));
        var forever = await Assert.ThrowsAsync<DomainValidationException>(() => context.Service.StartAsync(admin, command with { Repetitions = null }, default));
        var gain = await Assert.ThrowsAsync<DomainValidationException>(() => context.Service.StartAsync(admin, command with { GainDecibels = 15 }, default));
        var title = await Assert.ThrowsAsync<DomainValidationException>(() => context.Service.StartAsync(admin, command with { Title = "  " }, default));

        Assert.Equal("text too long (20001 > 20000)", tooLong.Message);
        Assert.Equal(BroadcastErrors.StartInPast, past.Reason);
        Assert.Contains("hour field", cron.Message, StringComparison.Ordinal);
        Assert.Contains("emergency", forever.Message, StringComparison.Ordinal);
        Assert.Contains("+14", gain.Message, StringComparison.Ordinal);
        Assert.Equal(DomainErrors.InvalidName, title.Reason);
        Assert.Empty(((RecordingBroadcastEngine)context.Engine).Started);
    }

    [Fact]
    public async Task AnEmergencyHasTheChimeAndTheTopPriorityAndNeverWaitsForApproval()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;

        var view = await context.Service.StartAsync(
            context.LangHocAnnouncer,
            Speech("Lũ quét", context.LangHocCluster.Id) with { Level = BroadcastLevel.Emergency, Repetitions = null },
            default);

        var request = Assert.Single(engine.Started);
        Assert.Equal(ProgramPriority.Emergency, request.Priority);
        Assert.True(request.Chime);
        Assert.Null(request.Repetitions);
        Assert.NotEqual(BroadcastState.AwaitingApproval, view.State);
        Assert.Matches("^b-[a-z2-7]{10}$", view.Id);
    }

    [Fact]
    public async Task ABulletinFromAnAreaThatRequiresApprovalWaitsForAnApproverOfTheArea()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;

        var pending = await context.Service.StartAsync(context.LangHocAnnouncer, Speech("Họp thôn", context.LangHocCluster.Id), default);
        Assert.Equal(BroadcastState.AwaitingApproval, pending.State);
        Assert.Empty(engine.Started);

        await Assert.ThrowsAsync<DomainForbiddenException>(() => context.Service.ApproveAsync(context.ThacCaAnnouncer, pending.Id, default));
        await Assert.ThrowsAsync<DomainForbiddenException>(() => context.Service.ApproveAsync(context.LangHocAnnouncer, pending.Id, default));
        var approved = await context.Service.ApproveAsync(context.AnThinhApprover, pending.Id, default);

        Assert.Equal(pending.Id, approved.Id);
        Assert.Equal("anthinh.duyet", approved.ApprovedBy);
        Assert.Equal("langhoc", approved.CreatedBy);
        Assert.Equal(pending.Id, Assert.Single(engine.Started).Id);
        var conflict = await Assert.ThrowsAsync<DomainConflictException>(() => context.Service.ApproveAsync(context.AnThinhApprover, pending.Id, default));
        Assert.Equal(BroadcastErrors.NotAwaitingApproval, conflict.Reason);
        Assert.Single(await context.AuditAsync(AuditActions.BroadcastAwaitingApproval));
        var audit = Assert.Single(await context.AuditAsync(AuditActions.BroadcastApproved));
        Assert.Equal("anthinh.duyet", audit.UserName);
        Assert.Contains("\"approvedBy\":\"anthinh.duyet\"", (await context.WaitForAuditAsync(AuditActions.BroadcastStarted))[0].DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVillageCannotCancelTheDistrictsEmergencyButTheDistrictCancelsTheVillagesBulletin()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;
        var emergency = await context.Service.StartAsync(
            context.DistrictAdmin,
            Speech("Bão số 3", context.ThacCaCluster.Id) with { Level = BroadcastLevel.Emergency },
            default);
        var village = await context.Service.StartAsync(context.ThacCaAnnouncer, Speech("Tin thôn", context.ThacCaCluster.Id), default);

        var refused = await Assert.ThrowsAsync<DomainForbiddenException>(() => context.Service.CancelAsync(context.ThacCaAnnouncer, emergency.Id, null, default));
        var onClusters = await context.Service.CancelOnClustersAsync(context.ThacCaAnnouncer, [context.ThacCaCluster.Id], default);
        await context.Service.CancelAsync(context.DistrictAdmin, emergency.Id, null, default);

        Assert.Equal(BroadcastErrors.HigherScope, refused.Reason);
        Assert.Contains("Bão số 3", refused.Message, StringComparison.Ordinal);
        Assert.Contains(context.Tree.District.Name, refused.Message, StringComparison.Ordinal);
        Assert.Equal([village.Id], onClusters.Select(view => view.Id));
        Assert.Equal([village.Id, emergency.Id], engine.Cancelled.Select(cancel => cancel.ProgramId));
        var cancelled = await context.WaitForAuditAsync(AuditActions.BroadcastCancelled, 2);
        Assert.Equal(["thacca", "huyen"], cancelled.Select(entry => entry.UserName));
    }

    [Fact]
    public async Task AVillageCannotPreemptALowerPriorityProgramOfAHigherScopeOnItsCluster()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var engine = (RecordingBroadcastEngine)context.Engine;
        var district = await context.Service.StartAsync(context.DistrictAdmin, Speech("Tin huyện", context.ThacCaCluster.Id), default);
        engine.PutOnAir(district.Id);

        var error = await Assert.ThrowsAsync<DomainForbiddenException>(() => context.Service.StartAsync(
            context.ThacCaAnnouncer, Speech("Tin thôn khẩn", context.ThacCaCluster.Id) with { Level = BroadcastLevel.Priority }, default));
        var sameLevel = await context.Service.StartAsync(context.ThacCaAnnouncer, Speech("Tin thôn", context.ThacCaCluster.Id), default);

        Assert.Equal(BroadcastErrors.HigherScope, error.Reason);
        Assert.Contains(context.ThacCaCluster.Name, error.Message, StringComparison.Ordinal);
        Assert.Contains("Tin huyện", error.Message, StringComparison.Ordinal);
        Assert.Equal([district.Id, sameLevel.Id], engine.Started.Select(request => request.Id));
    }

    [Fact]
    public async Task ListShowsWhatReachesTheCallersClustersButNotANeighboursBroadcast()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        var district = await context.Service.StartAsync(context.DistrictAdmin, Speech("Tin huyện", context.ThacCaCluster.Id), default);
        var neighbour = await context.Service.StartAsync(context.AnThinhAnnouncer, Speech("Tin Làng Hốc", context.AnThinhCluster.Id), default);
        var scheduled = await context.Service.StartAsync(
            context.ThacCaAnnouncer, Speech("Tin sáng", context.ThacCaCluster.Id) with { Recurrence = "0 6 * * *" }, default);

        var seenByThacCa = await context.Service.ListAsync(context.ThacCaAnnouncer, default);
        var seenByAdmin = await context.Service.ListAsync(context.DistrictAdmin, default);

        Assert.Equal(new[] { district.Id, scheduled.Id }.Order(), seenByThacCa.Select(view => view.Id).Order());
        Assert.Equal(3, seenByAdmin.Count);
        Assert.Equal(BroadcastState.Scheduled, seenByThacCa.Single(view => view.Id == scheduled.Id).State);
        await Assert.ThrowsAsync<DomainNotFoundException>(() => context.Service.GetAsync(context.ThacCaAnnouncer, neighbour.Id, default));
    }
}
