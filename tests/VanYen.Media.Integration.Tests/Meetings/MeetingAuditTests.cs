using System.Text.Json;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Meetings;
using VanYen.Media.Signaling.Contracts.Meetings;

namespace VanYen.Media.Integration.Tests.Meetings;

/// <summary>What a chair does to a meeting lands in the audit log, under the chair, in the chair's area.</summary>
public class MeetingAuditTests
{
    [Fact]
    public async Task CreatingLockingRemovingRecordingAddingAGatewayAndEndingAreAuditedInOrder()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync("Họp chi bộ tháng 11");
        JoinMeetingResponse guest = await context.JoinAsync(created, "guest", "Đảng viên Lò Văn Tám");
        await context.Service.SetLockedAsync(context.Chair, created.Id, locked: true);
        await context.Service.ActAsync(context.Chair, created.Id, guest.ParticipantId, MeetingParticipantAction.Remove);
        await context.Service.AddRtpParticipantAsync(context.Chair, created.Id, new RtpParticipantRequest("Cổng SIP xã", "127.0.0.1", 5004, 111));
        await context.Service.StartRecordingAsync(context.Chair, created.Id);
        await context.Service.StopRecordingAsync(context.Chair, created.Id);
        await context.Service.EndAsync(context.Chair, created.Id, CancellationToken.None);

        AuditPage page = await context.Broadcasting.Db.Audit.QueryAsync(new AuditQuery { UserName = context.Chair.Username, Limit = 100 });
        AuditEntry[] meetingEntries = [.. page.Entries.Reverse().Where(entry => entry.TargetKind == "meeting")];
        Assert.Equal(
            [
                MeetingAuditActions.Created, MeetingAuditActions.Locked, MeetingAuditActions.ParticipantRemoved, MeetingAuditActions.RtpParticipantAdded,
                MeetingAuditActions.RecordingStarted, MeetingAuditActions.RecordingStopped, MeetingAuditActions.Ended,
            ],
            meetingEntries.Select(entry => entry.Action));
        Assert.All(meetingEntries, entry =>
        {
            Assert.Equal(created.Id, entry.TargetId);
            Assert.Equal(context.Chair.Id, entry.UserId);
            Assert.Equal(context.Chair.ScopeAreaId, entry.AreaId);
            Assert.Equal("Họp chi bộ tháng 11", JsonDocument.Parse(entry.DetailsJson!).RootElement.GetProperty("title").GetString());
        });
        JsonElement removed = JsonDocument.Parse(meetingEntries[2].DetailsJson!).RootElement;
        Assert.Equal("Đảng viên Lò Văn Tám", removed.GetProperty("participant").GetString());
        Assert.Equal("127.0.0.1:5004", JsonDocument.Parse(meetingEntries[3].DetailsJson!).RootElement.GetProperty("address").GetString());
        Assert.EndsWith(".ogg", JsonDocument.Parse(meetingEntries[5].DetailsJson!).RootElement.GetProperty("file").GetString(), StringComparison.Ordinal);
    }
}
