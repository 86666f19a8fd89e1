using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VanYen.Media.Integration.Tests.Api;

[Collection(ApiServerCollection.Name)]
public class AuditAndOpenApiTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task TheAuditCsvHasTheSuccessfulAndTheFailedLogins()
    {
        using var anonymous = fixture.CreateClient();
        using var failed = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "duyet.huyen", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        using var admin = await fixture.ClientForAsync("admin");

        using var response = await admin.GetAsync("/api/audit.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        string[] lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,user_id,user_name,action,target_kind,target_id,area_id,details", lines[0]);
        Assert.Contains(lines, line => line.Contains(",admin,auth.login,", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(",duyet.huyen,auth.login-failed,", StringComparison.Ordinal) && line.Contains("invalid-credentials", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAuditPageOfAVillageAnnouncerHoldsOnlyTheirVillage()
    {
        using var announcer = await fixture.ClientForAsync("pt.lang-hoc");
        long village = (await announcer.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("scopeAreaId").GetInt64();

        var page = await announcer.GetFromJsonAsync<JsonElement>("/api/audit?action=auth.login&pageSize=50");
        using var wider = await announcer.GetAsync("/api/audit?areaId=1");

        var entries = page.GetProperty("entries").EnumerateArray().ToArray();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(village, e.GetProperty("areaId").GetInt64()));
        Assert.Equal(HttpStatusCode.Forbidden, wider.StatusCode);
    }

    [Fact]
    public async Task TheUserFilterKeepsOneLoginNamesEntriesIncludingFailedLoginsOfUnknownNames()
    {
        using var anonymous = fixture.CreateClient();
        using var failed = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "khach.la", password = "guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        using var admin = await fixture.ClientForAsync("admin");
        await fixture.LoginAsync("pt.lang-hoc");

        var stranger = await admin.GetFromJsonAsync<JsonElement>("/api/audit?user=KHACH.LA");
        var announcer = await admin.GetFromJsonAsync<JsonElement>("/api/audit?user=pt.lang-hoc&action=auth.login");
        string csv = await admin.GetStringAsync("/api/audit.csv?user=khach.la");

        var strangerEntries = stranger.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Single(strangerEntries);
        Assert.Equal("auth.login-failed", strangerEntries[0].GetProperty("action").GetString());
        var announcerEntries = announcer.GetProperty("entries").EnumerateArray().ToArray();
        Assert.NotEmpty(announcerEntries);
        Assert.All(announcerEntries, e => Assert.Equal("pt.lang-hoc", e.GetProperty("userName").GetString()));
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",khach.la,auth.login-failed,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsThePathsAndTheBearerScheme()
    {
        using var http = fixture.CreateClient();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (string path in new[]
        {
            "/api/auth/login", "/api/auth/me", "/api/areas", "/api/clusters", "/api/clusters/{id}", "/api/receivers",
            "/api/users", "/api/library", "/api/library/{id}/audio", "/api/tts/preview", "/api/broadcasts",
            "/api/broadcasts/{id}/cancel", "/api/clusters/cancel", "/api/audit", "/api/audit.csv",
        })
        {
            Assert.Contains(path, paths);
        }

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        var login = document.GetProperty("paths").GetProperty("/api/auth/login").GetProperty("post").GetProperty("responses");
        Assert.True(login.TryGetProperty("429", out _));
    }
}
