using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VanYen.Media.Integration.Tests.Api;

[Collection(ApiServerCollection.Name)]
public class AuthEndpointsTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task LoginSetsAStrictHttpOnlyCookieAndReturnsABearerTokenAndBothAuthenticate()
    {
        var cookies = new CookieContainer();
        using var browser = fixture.CreateClient(new HttpClientHandler { CookieContainer = cookies });

        using var login = await browser.PostAsJsonAsync("/api/auth/login", new { username = "pt.an-thinh", password = fixture.Passwords["pt.an-thinh"] });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        string setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vanyen.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("announcer", body.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal("pt.an-thinh", body.GetProperty("user").GetProperty("username").GetString());
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);

        var byCookie = await browser.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("pt.an-thinh", byCookie.GetProperty("username").GetString());

        using var api = fixture.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        var byToken = await api.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(body.GetProperty("user").GetProperty("id").GetInt64(), byToken.GetProperty("id").GetInt64());
        Assert.Equal(body.GetProperty("user").GetProperty("scopeAreaId").GetInt64(), byToken.GetProperty("scopeAreaId").GetInt64());

        using var logout = await browser.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var afterLogout = await browser.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task WrongPasswordIs401WithAReason()
    {
        using var http = fixture.CreateClient();

        using var response = await http.PostAsJsonAsync("/api/auth/login", new { username = "pt.dong-cuong", password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid-credentials", problem.GetProperty("reason").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task TheSixthFailedLoginWithinAMinuteIs429WithRetryAfterEvenWithTheRightPassword()
    {
        using var http = fixture.CreateClient();
        for (int i = 0; i < 5; i++)
        {
            using var failed = await http.PostAsJsonAsync("/api/auth/login", new { username = "pt.lam-giang", password = "guess-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var throttled = await http.PostAsJsonAsync("/api/auth/login", new { username = "PT.LAM-GIANG", password = fixture.Passwords["pt.lam-giang"] });

        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        var problem = await throttled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("too-many-failed-logins", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task WithoutCredentialsTheApiAnswers401AndAnInvalidTokenToo()
    {
        using var http = fixture.CreateClient();
        using var anonymous = await http.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("not-signed-in", (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "forged-token");
        using var forged = await http.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task MalformedLoginJsonIs400NamingTheField()
    {
        using var http = fixture.CreateClient();
        using var content = new StringContent("""{"username": 42, "password": "x"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync("/api/auth/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("username", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APasswordResetEndsTheUsersEarlierSignIns()
    {
        using var admin = await fixture.ClientForAsync("admin");
        long district = (await admin.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("scopeAreaId").GetInt64();
        using var created = await admin.PostAsJsonAsync("/api/users", new { username = "xem.tam", displayName = "Xem tạm", role = "viewer", scopeAreaId = district, password = "mat-khau-tam-thoi" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var anonymous = fixture.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "xem.tam", password = "mat-khau-tam-thoi" });
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        long id = body.GetProperty("user").GetProperty("id").GetInt64();
        using var viewer = fixture.CreateClient();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        using var before = await viewer.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var reset = await admin.PostAsJsonAsync($"/api/users/{id}/password", new { });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(16, (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generatedPassword").GetString()!.Length);
        using var after = await viewer.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("session-expired", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
    }
}
