using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VanYen.Media.Integration.Tests.Api;
using VanYen.Media.Signaling.Contracts.Consultations;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Integration.Tests.Consultations;

/// <summary><c>/api/consultations</c> and <c>/hubs/consult</c> on the real server with the demo district's doctor.</summary>
[Collection(ApiServerCollection.Name)]
public sealed class ConsultationEndpointsTests(ApiServerFixture fixture)
{
    private const string Doctor = "bacsi.huyen";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ThePatientWaitsGetsNoMediaIsAdmittedByTheDoctorAndTheDoctorEndingTheCallTellsThePatient()
    {
        using HttpClient doctor = await fixture.ClientForAsync(Doctor);
        using var opened = await doctor.PostAsync("/api/consultations", null);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        JsonElement created = await opened.Content.ReadFromJsonAsync<JsonElement>();
        string id = created.GetProperty("id").GetString()!;
        string patientLink = created.GetProperty("patientLink").GetString()!;
        Assert.StartsWith($"/consult/{id}?t=", patientLink, StringComparison.Ordinal);
        Assert.True(id.Length >= 16, "the id is unguessable (at least 96 random bits)");

        await using HubConnection doctorHub = await ConnectAsync(await TokenOfAsync(Doctor));
        var roster = new MessageQueue<WaitingRoomMessage>();
        doctorHub.On<WaitingRoomMessage>(ConsultHub.WaitingRoomChangedMethod, roster.Add);
        ConsultJoinResponse doctorJoin = await doctorHub.InvokeAsync<ConsultJoinResponse>("Join", id, null, null);
        Assert.Equal(ConsultRoles.Doctor, doctorJoin.Role);

        await using HubConnection patientHub = await ConnectAsync(token: null);
        var admitted = new MessageQueue<AdmittedMessage>();
        var ended = new MessageQueue<CallEndedMessage>();
        patientHub.On<AdmittedMessage>(ConsultHub.AdmittedMethod, admitted.Add);
        patientHub.On<CallEndedMessage>(ConsultHub.CallEndedMethod, ended.Add);
        ConsultJoinResponse patient = await patientHub.InvokeAsync<ConsultJoinResponse>("Join", id, TokenOf(patientLink), "Nguyễn Thị Hoa");
        Assert.Equal(ConsultParticipantStates.Waiting, patient.State);
        await roster.WaitForAsync(message => message.People.Any(person => person.DisplayName == "Nguyễn Thị Hoa" && person.State == ConsultParticipantStates.Waiting), Timeout);

        var noMedia = await Assert.ThrowsAsync<HubException>(() => patientHub.InvokeAsync<ConsultStartMediaResponse>("StartMedia", "v=0\r\n"));
        Assert.Contains("403 Forbidden (not-admitted)", noMedia.Message, StringComparison.Ordinal);
        var patientAdmits = await Assert.ThrowsAsync<HubException>(() => patientHub.InvokeAsync("Admit", patient.ParticipantId));
        Assert.Contains("403 Forbidden (not-doctor)", patientAdmits.Message, StringComparison.Ordinal);

        using (HttpClient viewer = await fixture.ClientForAsync("xem.huyen"))
        {
            using var notTheirs = await viewer.PostAsync($"/api/consultations/{id}/admit/{patient.ParticipantId}", null);
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
            Assert.Equal("not-doctor", (await notTheirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
            using var cannotRead = await viewer.GetAsync($"/api/consultations/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, cannotRead.StatusCode);
        }

        using var admit = await doctor.PostAsync($"/api/consultations/{id}/admit/{patient.ParticipantId}", null);
        admit.EnsureSuccessStatusCode();
        Assert.Equal(patient.ParticipantId, (await admitted.WaitForAsync(_ => true, Timeout)).ParticipantId);
        JsonElement view = await doctor.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}");
        Assert.Equal("admitted", view.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("participantId").GetString() == patient.ParticipantId).GetProperty("state").GetString());

        using var end = await doctor.PostAsync($"/api/consultations/{id}/end", null);
        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        Assert.Equal(CallEndReasons.DoctorEnded, (await ended.WaitForAsync(_ => true, Timeout)).Reason);
        using var gone = await doctor.GetAsync($"/api/consultations/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("consultation-not-found", (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task TheFifthPersonIsRefusedAndTheDoctorHangingUpOnTheHubEndsTheCall()
    {
        using HttpClient doctor = await fixture.ClientForAsync(Doctor);
        JsonElement created = await (await doctor.PostAsync("/api/consultations", null)).Content.ReadFromJsonAsync<JsonElement>();
        string id = created.GetProperty("id").GetString()!;
        var links = new List<string> { created.GetProperty("patientLink").GetString()! };
        foreach (string role in new[] { "family", "interpreter", "family" })
        {
            using var response = await doctor.PostAsJsonAsync($"/api/consultations/{id}/links", new { role });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            links.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!);
        }

        using var badRole = await doctor.PostAsJsonAsync($"/api/consultations/{id}/links", new { role = "surgeon" });
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);

        await using HubConnection doctorHub = await ConnectAsync(await TokenOfAsync(Doctor));
        await doctorHub.InvokeAsync<ConsultJoinResponse>("Join", id, null, null);
        var guests = new List<HubConnection>();
        var endedCount = 0;
        try
        {
            for (int i = 0; i < 4; i++)
            {
                HubConnection guest = await ConnectAsync(token: null);
                guest.On<CallEndedMessage>(ConsultHub.CallEndedMethod, _ => Interlocked.Increment(ref endedCount));
                guests.Add(guest);
            }

            for (int i = 0; i < 3; i++)
            {
                await guests[i].InvokeAsync<ConsultJoinResponse>("Join", id, TokenOf(links[i]), "Khách " + i);
            }

            var full = await Assert.ThrowsAsync<HubException>(() => guests[3].InvokeAsync<ConsultJoinResponse>("Join", id, TokenOf(links[3]), "Người thứ năm"));
            Assert.Contains("409 Conflict (call-full)", full.Message, StringComparison.Ordinal);

            await doctorHub.InvokeAsync("Hangup");
            using var cancel = new CancellationTokenSource(Timeout);
            while (Volatile.Read(ref endedCount) < 3)
            {
                await Task.Delay(50, cancel.Token);
            }

            using var gone = await doctor.GetAsync($"/api/consultations/{id}");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        finally
        {
            foreach (HubConnection guest in guests)
            {
                await guest.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TheConsultationEndpointsAreInTheOpenApiDocumentAndNeedASignIn()
    {
        using HttpClient anonymous = fixture.CreateClient();
        using var refused = await anonymous.PostAsync("/api/consultations", null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        JsonElement document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string path in new[] { "/api/consultations", "/api/consultations/{id}", "/api/consultations/{id}/links", "/api/consultations/{id}/admit/{participantId}", "/api/consultations/{id}/end" })
        {
            Assert.Contains(path, paths);
        }

        Assert.DoesNotContain("/api/consultations/{id}/fault-injection/drop-video", paths);
    }

    private static string TokenOf(string link) => Uri.UnescapeDataString(link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..]);

    private async Task<string> TokenOfAsync(string username) => (await fixture.LoginAsync(username)).GetProperty("accessToken").GetString()!;

    private async Task<HubConnection> ConnectAsync(string? token)
    {
        HubConnection hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Server.Url, ConsultHub.Path), options =>
            {
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        await hub.StartAsync();
        return hub;
    }
}
