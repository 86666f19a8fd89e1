using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Meetings;

namespace VanYen.Media.Integration.Tests.Meetings;

/// <summary>A chair finds a meeting's recordings after the meeting ended and after a restart; nobody else does.</summary>
public class MeetingArchiveTests
{
    [Fact]
    public async Task AfterARestartTheChairStillListsAndDownloadsTheRecordingsAndOthersAreRefused()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync("Họp chi bộ tháng 11");
        await context.Service.StartMediaAsync("chair", "offer", CancellationToken.None);
        await context.Service.StartRecordingAsync(context.Chair, created.Id);
        MeetingRecordingView recorded = await context.Service.StopRecordingAsync(context.Chair, created.Id);
        MeetingArchiveView beforeEnd = Assert.Single(context.Service.ListArchive(context.Chair));
        Assert.True(beforeEnd.Open);
        await context.Service.EndAsync(context.Chair, created.Id, CancellationToken.None);

        // A restart: a new registry (meetings are in memory) over the same recordings folder.
        var time = context.Broadcasting.Db.Time;
        await using var restarted = new MeetingService(
            new MeetingRegistry(time), context.Media, context.Pushes, context.Recordings, context.Broadcasting.Service, context.Broadcasting.Db.Audit, time, NullLogger<MeetingService>.Instance);

        MeetingArchiveView archived = Assert.Single(restarted.ListArchive(context.Chair));
        Assert.Equal((created.Id, "Họp chi bộ tháng 11", false), (archived.MeetingId, archived.Title, archived.Open));
        Assert.Equal(recorded.File, Assert.Single(archived.Recordings).File);
        Assert.Equal(recorded.File, Assert.Single(restarted.ListRecordings(context.Chair, created.Id)).File);
        Assert.True(File.Exists(restarted.RecordingPath(context.Chair, created.Id, recorded.File)));

        User other = context.Broadcasting.LangHocAnnouncer;
        Assert.Empty(restarted.ListArchive(other));
        Assert.Equal(MeetingErrors.NotChair, Assert.Throws<DomainForbiddenException>(() => restarted.ListRecordings(other, created.Id)).Reason);
        Assert.Equal(MeetingErrors.NotChair, Assert.Throws<DomainForbiddenException>(() => restarted.RecordingPath(other, created.Id, recorded.File)).Reason);
        foreach (string unknown in new[] { "khongco", "../" + created.Id, ".." })
        {
            Assert.Equal(MeetingErrors.MeetingNotFound, Assert.Throws<DomainNotFoundException>(() => restarted.ListRecordings(context.Chair, unknown)).Reason);
        }
    }

    [Fact]
    public async Task AMeetingThatNeverRecordedIsNotInTheArchiveAndADamagedInfoFileIsSkipped()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        await context.CreateWithChairAsync("Không ghi âm");
        Assert.Empty(context.Service.ListArchive(context.Chair));

        var (recordedMeeting, _) = await context.CreateWithChairAsync("Có ghi âm");
        await context.Service.StartMediaAsync("chair", "offer", CancellationToken.None);
        await context.Service.StartRecordingAsync(context.Chair, recordedMeeting.Id);
        Directory.CreateDirectory(Path.Combine(context.Recordings.RootDirectory, "hong"));
        await File.WriteAllTextAsync(Path.Combine(context.Recordings.RootDirectory, "hong", "meeting.json"), "{ not json");

        MeetingArchiveView listed = Assert.Single(context.Service.ListArchive(context.Chair));
        Assert.Equal(recordedMeeting.Id, listed.MeetingId);
        Assert.True(Assert.Single(listed.Recordings).Running);
    }
}
