using VanYen.Media.Server.Consultations;
using VanYen.Media.Signaling.Contracts.Consultations;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Integration.Tests.Consultations;

/// <summary>The consultation rules on a fake SFU and a fake clock: admission, seats, media, ending, expiry.</summary>
public sealed class ConsultationServiceTests
{
    [Fact]
    public async Task AGuestWaitsUntilTheDoctorAdmitsThemAndOnlyTheDoctorMayAdmit()
    {
        var harness = new ConsultationHarness();
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        ConsultJoinResponse patient = await harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(created.PatientLink), "patient", "Nguyễn Văn An");
        Assert.Equal(ConsultParticipantStates.Waiting, patient.State);
        Assert.Equal(created.PatientParticipantId, patient.ParticipantId);

        WaitingRoomMessage roster = harness.PushedTo<WaitingRoomMessage>("doctor", ConsultHub.WaitingRoomChangedMethod)[^1];
        ConsultPerson waiting = Assert.Single(roster.People, person => person.State == ConsultParticipantStates.Waiting);
        Assert.Equal("Nguyễn Văn An", waiting.DisplayName);

        var guestAdmits = await Assert.ThrowsAsync<ConsultationException>(() => harness.Service.AdmitAsync("patient", patient.ParticipantId, CancellationToken.None));
        Assert.Equal(403, guestAdmits.StatusCode);
        var otherUserAdmits = Assert.Throws<ConsultationException>(() => harness.Service.Admit(harness.OtherUser, created.Id, patient.ParticipantId));
        Assert.Equal(ConsultationErrors.NotDoctor, otherUserAdmits.Reason);
        Assert.Empty(harness.PushedTo<AdmittedMessage>("patient", ConsultHub.AdmittedMethod));

        await harness.Service.AdmitAsync("doctor", patient.ParticipantId, CancellationToken.None);
        Assert.Equal(patient.ParticipantId, Assert.Single(harness.PushedTo<AdmittedMessage>("patient", ConsultHub.AdmittedMethod)).ParticipantId);
    }

    [Fact]
    public async Task AGuestWhoIsNotAdmittedGetsNoMedia()
    {
        var harness = new ConsultationHarness();
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        await harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(created.PatientLink), "patient", "Bệnh nhân");

        var refused = await Assert.ThrowsAsync<ConsultationException>(() => harness.Service.StartMediaAsync("patient", "v=0 offer", CancellationToken.None));
        Assert.Equal(403, refused.StatusCode);
        Assert.Equal(ConsultationErrors.NotAdmitted, refused.Reason);
        Assert.All(harness.Forwarding.Rooms.Values, room => Assert.DoesNotContain(created.PatientParticipantId, room.Joined));

        await harness.Service.AdmitAsync("doctor", created.PatientParticipantId, CancellationToken.None);
        ConsultStartMediaResponse media = await harness.Service.StartMediaAsync("patient", "v=0 offer", CancellationToken.None);
        Assert.Equal("answer for " + created.PatientParticipantId, media.AnswerSdp);
    }

    [Fact]
    public async Task TheFifthParticipantIsRefused()
    {
        var harness = new ConsultationHarness();
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        var tokens = new List<string> { ConsultationHarness.TokenOf(created.PatientLink) };
        for (int i = 0; i < 3; i++)
        {
            tokens.Add(ConsultationHarness.TokenOf(harness.Service.CreateLink(harness.Doctor, created.Id, i == 0 ? "interpreter" : "family").Link));
        }

        for (int i = 0; i < 3; i++)
        {
            await harness.JoinGuestAsync(created.Id, tokens[i], "guest-" + i, "Khách " + i);
        }

        var full = await Assert.ThrowsAsync<ConsultationException>(() => harness.JoinGuestAsync(created.Id, tokens[3], "guest-3", "Người thứ năm"));
        Assert.Equal(409, full.StatusCode);
        Assert.Equal(ConsultationErrors.CallFull, full.Reason);

        // A seat that frees up (a guest hangs up) lets the fifth person in.
        await harness.Service.HangupAsync("guest-0");
        ConsultJoinResponse late = await harness.JoinGuestAsync(created.Id, tokens[3], "guest-3", "Người thứ năm");
        Assert.Equal(ConsultParticipantStates.Waiting, late.State);
    }

    [Fact]
    public async Task TheDoctorHangingUpEndsTheCallForEveryoneAndClosesTheRoom()
    {
        var harness = new ConsultationHarness();
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        await harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(created.PatientLink), "patient", "Bệnh nhân");
        await harness.Service.AdmitAsync("doctor", created.PatientParticipantId, CancellationToken.None);
        await harness.Service.StartMediaAsync("doctor", "offer", CancellationToken.None);
        await harness.Service.StartMediaAsync("patient", "offer", CancellationToken.None);

        await harness.Service.HangupAsync("doctor");

        Assert.Equal(CallEndReasons.DoctorEnded, Assert.Single(harness.PushedTo<CallEndedMessage>("patient", ConsultHub.CallEndedMethod)).Reason);
        Assert.Single(harness.PushedTo<CallEndedMessage>("doctor", ConsultHub.CallEndedMethod));
        Assert.Equal([created.Id], harness.Forwarding.Closed);
        var gone = Assert.Throws<ConsultationException>(() => harness.Service.Get(harness.Doctor, created.Id));
        Assert.Equal(404, gone.StatusCode);
        await Assert.ThrowsAsync<ConsultationException>(() => harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(created.PatientLink), "patient-2", "Bệnh nhân"));
    }

    [Fact]
    public async Task AGuestHangingUpLeavesTheCallButTheCallGoesOn()
    {
        var harness = new ConsultationHarness();
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        await harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(created.PatientLink), "patient", "Bệnh nhân");
        await harness.Service.AdmitAsync("doctor", created.PatientParticipantId, CancellationToken.None);
        await harness.Service.StartMediaAsync("patient", "offer", CancellationToken.None);

        await harness.Service.HangupAsync("patient");

        FakeForwardingRoom room = harness.Forwarding.Rooms[created.Id];
        Assert.Contains(created.PatientParticipantId, room.Left);
        Assert.Empty(harness.Forwarding.Closed);
        Assert.Equal(ConsultParticipantStates.Left, harness.Service.Get(harness.Doctor, created.Id).Participants.Single(p => p.ParticipantId == created.PatientParticipantId).State);

        // Coming back after hanging up needs the doctor again.
        ConsultJoinResponse again = await harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(created.PatientLink), "patient-again", "Bệnh nhân");
        Assert.Equal(ConsultParticipantStates.Waiting, again.State);
    }

    [Fact]
    public async Task AnAdmittedGuestWhoseNetworkDroppedRejoinsWithTheSameTokenWithoutAdmission()
    {
        var harness = new ConsultationHarness();
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        string token = ConsultationHarness.TokenOf(created.PatientLink);
        await harness.JoinGuestAsync(created.Id, token, "patient", "Bệnh nhân");
        await harness.Service.AdmitAsync("doctor", created.PatientParticipantId, CancellationToken.None);
        await harness.Service.DisconnectedAsync("patient");

        ConsultJoinResponse back = await harness.JoinGuestAsync(created.Id, token, "patient-new-connection", string.Empty);

        Assert.Equal(ConsultParticipantStates.Admitted, back.State);
        Assert.Equal(created.PatientParticipantId, back.ParticipantId);
        Assert.Equal("Bệnh nhân", back.DisplayName);
        ConsultStartMediaResponse media = await harness.Service.StartMediaAsync("patient-new-connection", "offer", CancellationToken.None);
        Assert.NotEmpty(media.AnswerSdp);

        // A waiting guest who dropped waits again: only admission survives a drop.
        ConsultationLinkView family = harness.Service.CreateLink(harness.Doctor, created.Id, "family");
        await harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(family.Link), "family", "Người nhà");
        await harness.Service.DisconnectedAsync("family");
        Assert.Equal(ConsultParticipantStates.Waiting, (await harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(family.Link), "family-2", "Người nhà")).State);
    }

    [Fact]
    public async Task AWrongTokenOrAMissingNameOrAStrangerWithoutTokenIsRefused()
    {
        var harness = new ConsultationHarness();
        ConsultationCreated created = await harness.OpenWithDoctorAsync();

        var badToken = await Assert.ThrowsAsync<ConsultationException>(() => harness.JoinGuestAsync(created.Id, "not-the-token", "x", "Ai đó"));
        Assert.Equal(ConsultationErrors.BadToken, badToken.Reason);
        var noName = await Assert.ThrowsAsync<ConsultationException>(() => harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(created.PatientLink), "x", "  "));
        Assert.Equal(ConsultationErrors.NameRequired, noName.Reason);
        var anonymous = await Assert.ThrowsAsync<ConsultationException>(() => harness.Service.JoinAsync(ConsultationHarness.Anonymous, "x", created.Id, null, null, CancellationToken.None));
        Assert.Equal(401, anonymous.StatusCode);
        var stranger = await Assert.ThrowsAsync<ConsultationException>(() => harness.Service.JoinAsync(Server.Auth.UserClaims.CreatePrincipal(harness.OtherUser, "test-session", "test"), "x", created.Id, null, null, CancellationToken.None));
        Assert.Equal(ConsultationErrors.NotDoctor, stranger.Reason);
        var unknown = await Assert.ThrowsAsync<ConsultationException>(() => harness.JoinGuestAsync("no-such-consultation", "t", "x", "Ai đó"));
        Assert.Equal(404, unknown.StatusCode);
    }

    [Fact]
    public async Task SlotsArePushedWithNamesAndTheDoctorGetsTheQualityOfEachParticipant()
    {
        var harness = new ConsultationHarness();
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        await harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(created.PatientLink), "patient", "Trần Thị Bình");
        await harness.Service.AdmitAsync("doctor", created.PatientParticipantId, CancellationToken.None);
        ConsultStartMediaResponse doctorMedia = await harness.Service.StartMediaAsync("doctor", "offer", CancellationToken.None);
        Assert.Empty(doctorMedia.Slots);
        ConsultStartMediaResponse patientMedia = await harness.Service.StartMediaAsync("patient", "offer", CancellationToken.None);

        ConsultSlot doctorSeesPatient = Assert.Single(harness.PushedTo<SlotsChangedMessage>("doctor", ConsultHub.SlotsChangedMethod)[^1].Slots);
        Assert.Equal(("Trần Thị Bình", ConsultRoles.Patient, "2", "3"), (doctorSeesPatient.DisplayName, doctorSeesPatient.Role, doctorSeesPatient.AudioMid, doctorSeesPatient.VideoMid));
        Assert.Equal("Bác sĩ Huyền", Assert.Single(patientMedia.Slots).DisplayName);

        harness.Service.PushQuality();
        QualityMessage quality = Assert.Single(harness.PushedTo<QualityMessage>("doctor", ConsultHub.QualityMethod));
        Assert.Equal(2, quality.Participants.Count);
        ConsultQuality patient = quality.Participants.Single(entry => entry.ParticipantId == created.PatientParticipantId);
        Assert.Equal((512.0, 2.0, 42.0), (patient.Upstream.BitrateKbps, patient.Upstream.LossPercent, patient.RoundTripTimeMs!.Value));
        Assert.Empty(harness.PushedTo<QualityMessage>("patient", ConsultHub.QualityMethod));
    }

    [Fact]
    public async Task MediaThatEndsOnTheServerSideIsToldToThePageWhichMayStartItAgain()
    {
        var harness = new ConsultationHarness();
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        await harness.Service.StartMediaAsync("doctor", "offer", CancellationToken.None);

        harness.Forwarding.Rooms[created.Id].Disconnect("p-doctor");

        Assert.Equal("ice-timeout", Assert.Single(harness.PushedTo<MediaEndedMessage>("doctor", ConsultHub.MediaEndedMethod)).Reason);
        await harness.Service.StartMediaAsync("doctor", "offer", CancellationToken.None);
        Assert.Equal(2, harness.Forwarding.Rooms[created.Id].Joined.Count(id => id == "p-doctor"));
    }

    [Fact]
    public async Task ACallEndsAtItsLongestDurationEvenWithEveryoneConnected()
    {
        var harness = new ConsultationHarness(new ConsultationOptions { MaxDuration = TimeSpan.FromHours(2) });
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        await harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(created.PatientLink), "patient", "Bệnh nhân");

        harness.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await harness.Service.EndDueAsync());
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await harness.Service.EndDueAsync());

        Assert.Equal(CallEndReasons.Expired, Assert.Single(harness.PushedTo<CallEndedMessage>("patient", ConsultHub.CallEndedMethod)).Reason);
        Assert.Equal(0, harness.Service.OpenCount);
    }

    [Fact]
    public async Task ACallNobodyIsConnectedToEndsAfterTheIdleTimeout()
    {
        var harness = new ConsultationHarness(new ConsultationOptions { IdleTimeout = TimeSpan.FromMinutes(15), DoctorReconnectGrace = TimeSpan.FromHours(1) });
        ConsultationCreated neverJoined = harness.Service.Open(harness.Doctor);
        ConsultationCreated joined = await harness.OpenWithDoctorAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.Service.DisconnectedAsync("doctor");
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await harness.Service.EndDueAsync());
        Assert.Throws<ConsultationException>(() => harness.Service.Get(harness.Doctor, neverJoined.Id));
        Assert.Equal(joined.Id, harness.Service.Get(harness.Doctor, joined.Id).Id);

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await harness.Service.EndDueAsync());
        Assert.Equal(0, harness.Service.OpenCount);
    }

    [Fact]
    public async Task TheDoctorAwayLongerThanTheGraceEndsTheCallButAQuickReturnKeepsIt()
    {
        var harness = new ConsultationHarness(new ConsultationOptions { DoctorReconnectGrace = TimeSpan.FromSeconds(60) });
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        await harness.JoinGuestAsync(created.Id, ConsultationHarness.TokenOf(created.PatientLink), "patient", "Bệnh nhân");

        await harness.Service.DisconnectedAsync("doctor");
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await harness.Service.JoinAsync(harness.DoctorPrincipal, "doctor-again", created.Id, null, null, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(0, await harness.Service.EndDueAsync());

        await harness.Service.DisconnectedAsync("doctor-again");
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await harness.Service.EndDueAsync());
        Assert.Equal(CallEndReasons.DoctorLeft, Assert.Single(harness.PushedTo<CallEndedMessage>("patient", ConsultHub.CallEndedMethod)).Reason);
    }

    [Fact]
    public async Task TheSameLinkOpenedOnAnotherPageTakesOverAndTheOldPageIsTold()
    {
        var harness = new ConsultationHarness();
        ConsultationCreated created = await harness.OpenWithDoctorAsync();
        string token = ConsultationHarness.TokenOf(created.PatientLink);
        await harness.JoinGuestAsync(created.Id, token, "phone", "Bệnh nhân");
        await harness.Service.AdmitAsync("doctor", created.PatientParticipantId, CancellationToken.None);
        await harness.Service.StartMediaAsync("phone", "offer", CancellationToken.None);

        ConsultJoinResponse laptop = await harness.JoinGuestAsync(created.Id, token, "laptop", "Bệnh nhân");

        Assert.Equal(ConsultParticipantStates.Admitted, laptop.State);
        Assert.Equal(CallEndReasons.Replaced, Assert.Single(harness.PushedTo<CallEndedMessage>("phone", ConsultHub.CallEndedMethod)).Reason);
        Assert.Contains(created.PatientParticipantId, harness.Forwarding.Rooms[created.Id].Left);
        await Assert.ThrowsAsync<ConsultationException>(() => harness.Service.StartMediaAsync("phone", "offer", CancellationToken.None));
    }
}
