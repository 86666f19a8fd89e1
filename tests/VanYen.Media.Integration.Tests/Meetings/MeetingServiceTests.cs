using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Meetings;
using VanYen.Media.Signaling.Contracts.Meetings;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Integration.Tests.Meetings;

/// <summary>The meeting rules: lobby and admission, tokens, lock, who may act, the chair's actions and their pushes.</summary>
public class MeetingServiceTests
{
    [Fact]
    public async Task AParticipantWithTheLinkWaitsInTheLobbyUntilTheChairAdmitsThemAndOnlyThenGetsMedia()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, chair) = await context.CreateWithChairAsync();
        Assert.Equal("chair", chair.Role);
        Assert.Equal("admitted", chair.State);

        JoinMeetingResponse guest = await context.JoinAsync(created, "guest", "Nguyễn Văn An");
        Assert.Equal("lobby", guest.State);
        Assert.Equal("participant", guest.Role);
        var lobbyPush = (IReadOnlyList<MeetingParticipantMessage>)context.Pushes.To("chair", MeetingHub.LobbyChangedMethod)[^1][0]!;
        Assert.Equal(["Nguyễn Văn An"], lobbyPush.Select(participant => participant.DisplayName));

        var refused = await Assert.ThrowsAsync<MeetingRefusedException>(() => context.Service.StartMediaAsync("guest", "v=0 offer", CancellationToken.None));
        Assert.Equal((403, MeetingErrors.NotAdmitted), (refused.StatusCode, refused.Reason));

        await context.Service.ActAsync(context.Chair, created.Id, guest.ParticipantId, MeetingParticipantAction.Admit);
        Assert.Single(context.Pushes.To("guest", MeetingHub.AdmittedMethod));
        string answer = await context.Service.StartMediaAsync("guest", "v=0 offer", CancellationToken.None);
        Assert.Equal(FakeMeetingMedia.Answer, answer);
        Assert.Contains(guest.ParticipantId + ":v=0 offer", context.Media[created.Id].Offers);
        var state = (MeetingStateMessage)context.Pushes.To("guest", MeetingHub.ParticipantsChangedMethod)[^1][0]!;
        Assert.Equal(["Chủ trì", "Nguyễn Văn An"], state.Participants.Select(participant => participant.DisplayName));
        Assert.Empty(state.Lobby);
    }

    [Fact]
    public async Task AnInvalidTokenIsRefusedAndAnAdmitDirectlyTokenSkipsTheLobby()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync();
        var refused = await Assert.ThrowsAsync<MeetingRefusedException>(() =>
            context.Service.JoinAsync(null, "x", new JoinMeetingRequest(created.Id, "not-a-token", "Khách"), CancellationToken.None));
        Assert.Equal((403, MeetingErrors.InvalidToken), (refused.StatusCode, refused.Reason));

        var unknown = await Assert.ThrowsAsync<MeetingRefusedException>(() =>
            context.Service.JoinAsync(null, "x", new JoinMeetingRequest("khongcophong", created.JoinToken, "Khách"), CancellationToken.None));
        Assert.Equal((404, MeetingErrors.MeetingNotFound), (unknown.StatusCode, unknown.Reason));

        var noName = await Assert.ThrowsAsync<MeetingRefusedException>(() =>
            context.Service.JoinAsync(null, "x", new JoinMeetingRequest(created.Id, created.JoinToken, "   "), CancellationToken.None));
        Assert.Equal(MeetingErrors.InvalidDisplayName, noName.Reason);

        JoinTokenCreated direct = context.Service.CreateJoinToken(context.Chair, created.Id, new JoinTokenRequest(AdmitDirectly: true));
        Assert.Equal($"/meet/{created.Id}?t={direct.Token}", direct.Link);
        JoinMeetingResponse guest = await context.Service.JoinAsync(null, "direct", new JoinMeetingRequest(created.Id, direct.Token, "Khách mời"), CancellationToken.None);
        Assert.Equal("admitted", guest.State);

        JoinMeetingResponse byChairLink = await context.Service.JoinAsync(null, "chair-phone", new JoinMeetingRequest(created.Id, created.ChairToken, "Chủ trì (điện thoại)"), CancellationToken.None);
        Assert.Equal(("chair", "admitted"), (byChairLink.Role, byChairLink.State));
    }

    [Fact]
    public async Task ALockedMeetingRefusesNewJoinersWithAReasonButNotTheChair()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync();
        MeetingView locked = await context.Service.SetLockedAsync(context.Chair, created.Id, locked: true);
        Assert.True(locked.Locked);

        var refused = await Assert.ThrowsAsync<MeetingRefusedException>(() => context.JoinAsync(created, "late", "Người đến muộn"));
        Assert.Equal((409, MeetingErrors.MeetingLocked), (refused.StatusCode, refused.Reason));
        Assert.Contains("khoá", refused.Message, StringComparison.Ordinal);
        JoinMeetingResponse chairAgain = await context.Service.JoinAsync(null, "chair-2", new JoinMeetingRequest(created.Id, created.ChairToken, "Chủ trì"), CancellationToken.None);
        Assert.Equal("admitted", chairAgain.State);

        await context.Service.SetLockedAsync(context.Chair, created.Id, locked: false);
        Assert.Equal("lobby", (await context.JoinAsync(created, "late", "Người đến muộn")).State);
    }

    [Fact]
    public async Task OnlyTheChairAdmitsMutesRecordsAndEnds()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync();
        JoinMeetingResponse guest = await context.JoinAsync(created, "guest", "Khách");
        User other = context.Broadcasting.LangHocAnnouncer;

        var calls = new Func<Task>[]
        {
            () => context.Service.ActAsync(other, created.Id, guest.ParticipantId, MeetingParticipantAction.Admit),
            () => context.Service.ActAsync(other, created.Id, guest.ParticipantId, MeetingParticipantAction.Mute),
            () => context.Service.MuteAllAsync(other, created.Id),
            () => context.Service.SetLockedAsync(other, created.Id, locked: true),
            () => context.Service.StartRecordingAsync(other, created.Id),
            () => context.Service.EndAsync(other, created.Id, CancellationToken.None),
            () => Task.FromResult(context.Service.CreateJoinToken(other, created.Id, null)),
            () => Task.FromResult(context.Service.Get(other, created.Id)),
            () => Task.FromResult(context.Service.ListRecordings(other, created.Id)),
            () => Task.FromResult(context.Service.GetMediaStats(other, created.Id)),
        };
        foreach (var call in calls)
        {
            var refused = await Assert.ThrowsAsync<DomainForbiddenException>(call);
            Assert.Equal(MeetingErrors.NotChair, refused.Reason);
        }

        Assert.Equal("lobby", context.Service.Get(context.Chair, created.Id).Lobby.Single().State);
        var missing = await Assert.ThrowsAsync<DomainNotFoundException>(() => context.Service.ActAsync(context.Chair, "khongcophong", guest.ParticipantId, MeetingParticipantAction.Admit));
        Assert.Equal(MeetingErrors.MeetingNotFound, missing.Reason);
        Assert.Empty(context.Service.ListMine(other));
        Assert.Single(context.Service.ListMine(context.Chair));
    }

    [Fact]
    public async Task AMutedParticipantIsSilencedOnTheBridgeAndMayUnmuteOnlyWhenAsked()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync();
        JoinMeetingResponse guest = await context.JoinAsync(created, "guest", "Khách");
        await context.Service.ActAsync(context.Chair, created.Id, guest.ParticipantId, MeetingParticipantAction.Admit);
        await context.Service.StartMediaAsync("guest", "offer", CancellationToken.None);
        FakeMeetingMedia bridge = context.Media[created.Id];
        Assert.False(bridge.IsMuted(guest.ParticipantId));

        await context.Service.ActAsync(context.Chair, created.Id, guest.ParticipantId, MeetingParticipantAction.Mute);
        Assert.True(bridge.IsMuted(guest.ParticipantId));
        Assert.Single(context.Pushes.To("guest", MeetingHub.MutedByChairMethod));
        var refused = await Assert.ThrowsAsync<MeetingRefusedException>(() => context.Service.SetMicrophoneAsync("guest", on: true));
        Assert.Equal(MeetingErrors.MutedByChair, refused.Reason);
        Assert.True(bridge.IsMuted(guest.ParticipantId));

        await context.Service.ActAsync(context.Chair, created.Id, guest.ParticipantId, MeetingParticipantAction.AskUnmute);
        Assert.Single(context.Pushes.To("guest", MeetingHub.AskedToUnmuteMethod));
        await context.Service.SetMicrophoneAsync("guest", on: true);
        Assert.False(bridge.IsMuted(guest.ParticipantId));

        await context.Service.SetMicrophoneAsync("guest", on: false);
        Assert.True(bridge.IsMuted(guest.ParticipantId));
        await context.Service.SetMicrophoneAsync("guest", on: true);

        await context.Service.MuteAllAsync(context.Chair, created.Id);
        Assert.True(bridge.IsMuted(guest.ParticipantId));
        Assert.Equal(2, context.Pushes.To("guest", MeetingHub.MutedByChairMethod).Count);
        var chairMute = await Assert.ThrowsAsync<DomainConflictException>(() =>
            context.Service.ActAsync(context.Chair, created.Id, context.Service.Get(context.Chair, created.Id).Participants[0].Id, MeetingParticipantAction.Mute));
        Assert.Equal(MeetingErrors.CannotActOnChair, chairMute.Reason);
    }

    [Fact]
    public async Task HandsQueueInOrderAndGivingTheFloorUnmutesAndLowersTheHand()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync();
        var ids = new List<string>();
        foreach (string name in new[] { "An", "Bình", "Chi" })
        {
            JoinMeetingResponse joined = await context.JoinAsync(created, name, name);
            await context.Service.ActAsync(context.Chair, created.Id, joined.ParticipantId, MeetingParticipantAction.Admit);
            await context.Service.StartMediaAsync(name, "offer", CancellationToken.None);
            ids.Add(joined.ParticipantId);
        }

        await context.Service.MuteAllAsync(context.Chair, created.Id);
        await context.Service.SetHandAsync("Chi", raised: true);
        await context.Service.SetHandAsync("An", raised: true);
        await context.Service.SetHandAsync("Bình", raised: true);
        await context.Service.SetHandAsync("Bình", raised: false);
        MeetingView view = context.Service.Get(context.Chair, created.Id);
        Assert.Equal(2, view.Participants.Single(p => p.DisplayName == "An").HandQueuePosition);
        Assert.Equal(1, view.Participants.Single(p => p.DisplayName == "Chi").HandQueuePosition);
        Assert.Null(view.Participants.Single(p => p.DisplayName == "Bình").HandQueuePosition);

        view = await context.Service.ActAsync(context.Chair, created.Id, ids[2], MeetingParticipantAction.GiveFloor);
        MeetingParticipantMessage chi = view.Participants.Single(p => p.DisplayName == "Chi");
        Assert.True(chi.HasFloor);
        Assert.False(chi.MutedByChair);
        Assert.Null(chi.HandQueuePosition);
        Assert.Equal(1, view.Participants.Single(p => p.DisplayName == "An").HandQueuePosition);
        Assert.False(context.Media[created.Id].IsMuted(ids[2]));
        Assert.True(context.Media[created.Id].IsMuted(ids[0]));
    }

    [Fact]
    public async Task ARejoinAfterADropKeepsTheAdmissionAndAWrongKeyOrARemovedParticipantIsRefused()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, _) = await context.CreateWithChairAsync();
        JoinMeetingResponse guest = await context.JoinAsync(created, "guest", "Khách");
        await context.Service.ActAsync(context.Chair, created.Id, guest.ParticipantId, MeetingParticipantAction.Admit);
        await context.Service.StartMediaAsync("guest", "offer-1", CancellationToken.None);
        await context.Service.DisconnectedAsync("guest");
        Assert.Equal("admitted", context.Service.Get(context.Chair, created.Id).Participants.Single(p => p.Id == guest.ParticipantId).State);

        var wrongKey = await Assert.ThrowsAsync<MeetingRefusedException>(() =>
            context.Service.JoinAsync(null, "guest-2", new JoinMeetingRequest(created.Id, null, null, guest.ParticipantId, "wrong"), CancellationToken.None));
        Assert.Equal(MeetingErrors.InvalidRejoinKey, wrongKey.Reason);

        JoinMeetingResponse back = await context.Service.JoinAsync(null, "guest-2", new JoinMeetingRequest(created.Id, null, null, guest.ParticipantId, guest.RejoinKey), CancellationToken.None);
        Assert.Equal((guest.ParticipantId, "admitted"), (back.ParticipantId, back.State));
        await context.Service.StartMediaAsync("guest-2", "offer-2", CancellationToken.None);
        Assert.Contains(guest.ParticipantId + ":offer-2", context.Media[created.Id].Offers);

        await context.Service.ActAsync(context.Chair, created.Id, guest.ParticipantId, MeetingParticipantAction.Remove);
        Assert.Single(context.Pushes.To("guest-2", MeetingHub.RemovedMethod));
        Assert.Contains(guest.ParticipantId, context.Media[created.Id].Left);
        var removed = await Assert.ThrowsAsync<MeetingRefusedException>(() =>
            context.Service.JoinAsync(null, "guest-3", new JoinMeetingRequest(created.Id, null, null, guest.ParticipantId, guest.RejoinKey), CancellationToken.None));
        Assert.Equal(MeetingErrors.ParticipantRemoved, removed.Reason);
    }

    [Fact]
    public async Task TalkersFromTheBridgeArePushedAndEndingTellsEveryoneAndClosesTheBridge()
    {
        await using var context = await MeetingTestContext.CreateAsync();
        var (created, chair) = await context.CreateWithChairAsync();
        await context.Service.StartMediaAsync("chair", "offer", CancellationToken.None);
        JoinMeetingResponse waiting = await context.JoinAsync(created, "waiting", "Người chờ");
        context.Media[created.Id].RaiseTalkers(chair.ParticipantId);
        var talkers = (IReadOnlyList<string>)context.Pushes.To("chair", MeetingHub.TalkersChangedMethod).Single()[0]!;
        Assert.Equal([chair.ParticipantId], talkers);
        Assert.Empty(context.Pushes.To("waiting", MeetingHub.TalkersChangedMethod));

        MeetingView ended = await context.Service.EndAsync(context.Chair, created.Id, CancellationToken.None);
        Assert.Equal("ended", ended.State);
        Assert.Single(context.Pushes.To("chair", MeetingHub.MeetingEndedMethod));
        Assert.Single(context.Pushes.To("waiting", MeetingHub.MeetingEndedMethod));
        Assert.Contains(created.Id, context.Media.Closed);
        var refused = await Assert.ThrowsAsync<MeetingRefusedException>(() => context.JoinAsync(created, "late", "Muộn"));
        Assert.Equal((409, MeetingErrors.MeetingEnded), (refused.StatusCode, refused.Reason));
        Assert.NotEqual(waiting.ParticipantId, chair.ParticipantId);
    }
}
