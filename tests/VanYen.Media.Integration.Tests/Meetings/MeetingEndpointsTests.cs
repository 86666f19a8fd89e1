using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VanYen.Media.Integration.Tests.Api;

namespace VanYen.Media.Integration.Tests.Meetings;

/// <summary>/api/meetings on the real server: sign-in, the chair's rights, reasons, and the OpenAPI document.</summary>
[Collection(ApiServerCollection.Name)]
public class MeetingEndpointsTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task AMeetingIsCreatedBySignedInUsersAndOnlyItsChairSeesAndRunsIt()
    {
        using var anonymous = fixture.CreateClient();
        using var unsigned = await anonymous.PostAsJsonAsync("/api/meetings", new { title = "Họp" });
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        using var chair = await fixture.ClientForAsync("pt.an-thinh");
        using var other = await fixture.ClientForAsync("admin");
        using var noTitle = await chair.PostAsJsonAsync("/api/meetings", new { title = "  " });
        await AssertProblemAsync(noTitle, HttpStatusCode.BadRequest, "invalid-title");

        using var response = await chair.PostAsJsonAsync("/api/meetings", new { title = "Họp giao ban xã An Thịnh" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        string id = created.GetProperty("id").GetString()!;
        Assert.Matches("^[a-z2-9]{12}$", id);
        Assert.Equal($"/meet/{id}?t={created.GetProperty("joinToken").GetString()}", created.GetProperty("joinLink").GetString());
        Assert.NotEqual(created.GetProperty("joinToken").GetString(), created.GetProperty("chairToken").GetString());

        var mine = await chair.GetFromJsonAsync<JsonElement>("/api/meetings");
        Assert.Contains(mine.EnumerateArray(), meeting => meeting.GetProperty("id").GetString() == id);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/meetings")).EnumerateArray(), meeting => meeting.GetProperty("id").GetString() == id);

        using var notChair = await other.PostAsync($"/api/meetings/{id}/lock", null);
        await AssertProblemAsync(notChair, HttpStatusCode.Forbidden, "not-chair");
        using var notChairGet = await other.GetAsync($"/api/meetings/{id}");
        await AssertProblemAsync(notChairGet, HttpStatusCode.Forbidden, "not-chair");
        using var unknown = await chair.PostAsync("/api/meetings/khongcophong/lock", null);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "meeting-not-found");
        using var badAction = await chair.PostAsync($"/api/meetings/{id}/participants/p1/dance", null);
        await AssertProblemAsync(badAction, HttpStatusCode.BadRequest, "unknown-action");
        using var noParticipant = await chair.PostAsync($"/api/meetings/{id}/participants/p1/admit", null);
        await AssertProblemAsync(noParticipant, HttpStatusCode.NotFound, "participant-not-found");

        using var locked = await chair.PostAsync($"/api/meetings/{id}/lock", null);
        Assert.True((await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("locked").GetBoolean());
        using var token = await chair.PostAsJsonAsync($"/api/meetings/{id}/join-tokens", new { admitDirectly = true });
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        Assert.True((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("admitDirectly").GetBoolean());
        using var tokenWithoutBody = await chair.PostAsync($"/api/meetings/{id}/join-tokens", null);
        Assert.Equal(HttpStatusCode.Created, tokenWithoutBody.StatusCode);

        using var badRtp = await chair.PostAsJsonAsync($"/api/meetings/{id}/rtp-participants", new { name = "Cổng SIP", address = "không phải IP", port = 5004, payloadType = 111 });
        await AssertProblemAsync(badRtp, HttpStatusCode.BadRequest, "invalid-rtp-participant");
        using var recordingsOfOther = await other.GetAsync($"/api/meetings/{id}/recordings");
        await AssertProblemAsync(recordingsOfOther, HttpStatusCode.Forbidden, "not-chair");
        using var missingFile = await chair.GetAsync($"/api/meetings/{id}/recordings/khong-co.ogg");
        await AssertProblemAsync(missingFile, HttpStatusCode.NotFound, "recording-not-found");
        using var statsOfOther = await other.GetAsync($"/api/meetings/{id}/media-stats");
        await AssertProblemAsync(statsOfOther, HttpStatusCode.Forbidden, "not-chair");

        using var ended = await chair.PostAsync($"/api/meetings/{id}/end", null);
        Assert.Equal("ended", (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        using var afterEnd = await chair.PostAsync($"/api/meetings/{id}/unlock", null);
        await AssertProblemAsync(afterEnd, HttpStatusCode.Conflict, "meeting-ended");
    }

    [Fact]
    public async Task TheMeetingEndpointsAreInTheOpenApiDocument()
    {
        using var http = fixture.CreateClient();
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string path in new[]
        {
            "/api/meetings", "/api/meetings/{id}", "/api/meetings/{id}/join-tokens", "/api/meetings/{id}/lock", "/api/meetings/{id}/unlock",
            "/api/meetings/{id}/participants/{participantId}/{action}", "/api/meetings/{id}/mute-all", "/api/meetings/{id}/recording/start",
            "/api/meetings/{id}/recording/stop", "/api/meetings/{id}/recordings", "/api/meetings/{id}/recordings/{file}",
            "/api/meetings/{id}/rtp-participants", "/api/meetings/{id}/broadcast", "/api/meetings/{id}/end", "/api/meetings/{id}/media-stats",
        })
        {
            Assert.Contains(path, paths);
        }
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode} instead of {status}: {body}");
        Assert.Equal(reason, JsonDocument.Parse(body).RootElement.GetProperty("reason").GetString());
    }
}
