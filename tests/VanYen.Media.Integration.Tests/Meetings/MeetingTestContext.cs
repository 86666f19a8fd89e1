using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Integration.Tests.Broadcasting;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Meetings;
using VanYen.Media.Signaling.Contracts.Meetings;

namespace VanYen.Media.Integration.Tests.Meetings;

/// <summary>A <see cref="MeetingService"/> over the fake bridge, the recording notifier and the small district's broadcast service.</summary>
internal sealed class MeetingTestContext : IAsyncDisposable
{
    private MeetingTestContext(BroadcastingTestContext broadcasting)
    {
        Broadcasting = broadcasting;
        Registry = new MeetingRegistry(broadcasting.Db.Time);
        Recordings = new MeetingRecordingStore(Path.Combine(broadcasting.Db.DataDirectory, "meetings"));
        Service = new MeetingService(Registry, Media, Pushes, Recordings, broadcasting.Service, broadcasting.Db.Audit, broadcasting.Db.Time, NullLogger<MeetingService>.Instance);
    }

    public BroadcastingTestContext Broadcasting { get; }

    public FakeMeetingMediaService Media { get; } = new();

    public RecordingMeetingNotifier Pushes { get; } = new();

    public MeetingRegistry Registry { get; }

    public MeetingRecordingStore Recordings { get; }

    public MeetingService Service { get; }

    /// <summary>The chair of the meetings the tests create: the announcer of Thác Cá.</summary>
    public User Chair => Broadcasting.ThacCaAnnouncer;

    public static async Task<MeetingTestContext> CreateAsync() => new(await BroadcastingTestContext.CreateAsync());

    /// <summary>A meeting chaired by <see cref="Chair"/>, the chair joined on connection "chair" and admitted.</summary>
    public async Task<(MeetingCreated Created, JoinMeetingResponse Chair)> CreateWithChairAsync(string title = "Họp chi bộ thôn Thác Cá")
    {
        MeetingCreated created = await Service.CreateAsync(Chair, new CreateMeetingRequest(title));
        JoinMeetingResponse chair = await Service.JoinAsync(UserClaims.CreatePrincipal(Chair, "test-session", "test"), "chair", new JoinMeetingRequest(created.Id, null, "Chủ trì"), CancellationToken.None);
        return (created, chair);
    }

    /// <summary>A participant joined with the meeting's lobby link on <paramref name="connection"/>.</summary>
    public Task<JoinMeetingResponse> JoinAsync(MeetingCreated created, string connection, string name) =>
        Service.JoinAsync(null, connection, new JoinMeetingRequest(created.Id, created.JoinToken, name), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Broadcasting.DisposeAsync();
    }
}
