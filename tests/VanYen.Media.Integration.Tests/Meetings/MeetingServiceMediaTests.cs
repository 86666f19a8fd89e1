using System.Net;
using VanYen.Media.Integration.Tests.Broadcasting;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Meetings;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Integration.Tests.Meetings;

/// <summary>What the meeting service asks of the bridge: plain RTP participants, recordings on disk, the bridge to broadcast.</summary>
public class MeetingServiceMediaTests
{
    [Fact]
    public async Task APlainRtpParticipantJoinsAdmittedWithItsAddressAndBadRequestsAreRefused()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync();
        RtpParticipantJoined joined = await context.Service.AddRtpParticipantAsync(context.Chair, created.Id, new RtpParticipantRequest("Cổng SIP xã", "127.0.0.1", 5004, 111));
        Assert.Equal(("127.0.0.1", 40004, 0x1234_5678u, 111), (joined.ServerAddress, joined.ServerPort, joined.Ssrc, joined.PayloadType));
        var join = context.Media[created.Id].PlainRtpJoins.Single();
        Assert.Equal((joined.ParticipantId, new IPEndPoint(IPAddress.Loopback, 5004), (byte)111), join);
        var listed = context.Service.Get(context.Chair, created.Id).Participants.Single(p => p.Id == joined.ParticipantId);
        Assert.True(listed.PlainRtp);
        Assert.Equal("admitted", listed.State);

        foreach (var bad in new[]
        {
            new RtpParticipantRequest("", "127.0.0.1", 5004, 111),
            new RtpParticipantRequest("Cổng", "không phải IP", 5004, 111),
            new RtpParticipantRequest("Cổng", "127.0.0.1", 0, 111),
            new RtpParticipantRequest("Cổng", "127.0.0.1", 5004, 8),
        })
        {
            var refused = await Assert.ThrowsAsync<DomainValidationException>(() => context.Service.AddRtpParticipantAsync(context.Chair, created.Id, bad));
            Assert.Equal(MeetingErrors.InvalidRtpParticipant, refused.Reason);
        }

        var notChair = await Assert.ThrowsAsync<DomainForbiddenException>(() =>
            context.Service.AddRtpParticipantAsync(context.Broadcasting.LangHocAnnouncer, created.Id, new RtpParticipantRequest("Cổng", "127.0.0.1", 5004, 111)));
        Assert.Equal(MeetingErrors.NotChair, notChair.Reason);

        context.Media[created.Id].RaiseDisconnected(joined.ParticipantId);
        await WaitUntilAsync(() => context.Service.Get(context.Chair, created.Id).Participants.All(p => p.Id != joined.ParticipantId));
    }

    [Fact]
    public async Task ARecordingIsAnnouncedToEveryoneListedFromDiskAndOnlyItsOwnFilesDownload()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync();
        await context.Service.StartMediaAsync("chair", "offer", CancellationToken.None);
        MeetingRecordingView started = await context.Service.StartRecordingAsync(context.Chair, created.Id);
        Assert.True(started.Running);
        Assert.Equal(true, context.Pushes.To("chair", MeetingHub.RecordingChangedMethod).Single()[0]);
        Assert.True(context.Service.Get(context.Chair, created.Id).Recording);
        var twice = await Assert.ThrowsAsync<DomainConflictException>(() => context.Service.StartRecordingAsync(context.Chair, created.Id));
        Assert.Equal(MeetingErrors.AlreadyRecording, twice.Reason);

        MeetingRecordingView stopped = await context.Service.StopRecordingAsync(context.Chair, created.Id);
        Assert.False(stopped.Running);
        Assert.Equal(false, context.Pushes.To("chair", MeetingHub.RecordingChangedMethod)[^1][0]);
        var listed = context.Service.ListRecordings(context.Chair, created.Id).Single();
        Assert.Equal(stopped.File, listed.File);
        Assert.StartsWith(created.Id + "-", listed.File, StringComparison.Ordinal);
        Assert.Equal($"/api/meetings/{created.Id}/recordings/{listed.File}", listed.Link);
        string path = context.Service.RecordingPath(context.Chair, created.Id, listed.File);
        Assert.Equal(Path.Combine(context.Recordings.RootDirectory, created.Id, listed.File), path);
        Assert.False(context.Media[created.Id].IsRecording);

        foreach (string name in new[] { "../" + listed.File, "x.ogg", "..", listed.File.Replace(".ogg", ".txt", StringComparison.Ordinal) })
        {
            var refused = Assert.Throws<DomainNotFoundException>(() => context.Service.RecordingPath(context.Chair, created.Id, name));
            Assert.Equal(MeetingErrors.RecordingNotFound, refused.Reason);
        }

        var notRecording = await Assert.ThrowsAsync<DomainConflictException>(() => context.Service.StopRecordingAsync(context.Chair, created.Id));
        Assert.Equal(MeetingErrors.NotRecording, notRecording.Reason);
    }

    [Fact]
    public async Task TheMixGoesToClustersInTheChairsScopeAndIsRefusedOutsideIt()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync();
        var engine = (RecordingBroadcastEngine)context.Broadcasting.Engine;

        var outside = await Assert.ThrowsAsync<DomainForbiddenException>(() =>
            context.Service.StartBroadcastAsync(context.Chair, created.Id, new MeetingBroadcastRequest([context.Broadcasting.LangHocCluster.Id], []), CancellationToken.None));
        Assert.Contains(context.Media[created.Id].MixSources, source => source.Disposed);
        Assert.Empty(engine.Started);
        Assert.Null(context.Service.Get(context.Chair, created.Id).BroadcastId);

        BroadcastView view = await context.Service.StartBroadcastAsync(context.Chair, created.Id, new MeetingBroadcastRequest([context.Broadcasting.ThacCaCluster.Id], []), CancellationToken.None);
        Assert.Equal(BroadcastSourceKind.Live, view.SourceKind);
        Assert.Equal([context.Broadcasting.ThacCaCluster.Id], view.ClusterIds);
        Assert.Equal("Họp: Họp chi bộ thôn Thác Cá", view.Title);
        Assert.Single(engine.Started);
        Assert.Equal(view.Id, context.Service.Get(context.Chair, created.Id).BroadcastId);
        var twice = await Assert.ThrowsAsync<DomainConflictException>(() =>
            context.Service.StartBroadcastAsync(context.Chair, created.Id, new MeetingBroadcastRequest([context.Broadcasting.ThacCaCluster.Id], []), CancellationToken.None));
        Assert.Equal(MeetingErrors.AlreadyBroadcasting, twice.Reason);

        MeetingView stopped = await context.Service.StopBroadcastAsync(context.Chair, created.Id, CancellationToken.None);
        Assert.Null(stopped.BroadcastId);
        Assert.Single(engine.Cancelled);
        var again = await Assert.ThrowsAsync<DomainConflictException>(() => context.Service.StopBroadcastAsync(context.Chair, created.Id, CancellationToken.None));
        Assert.Equal(MeetingErrors.NotBroadcasting, again.Reason);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
