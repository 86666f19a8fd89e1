using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Integration.Tests.Api;

[Collection(ApiServerCollection.Name)]
public class SignOutTests(ApiServerFixture fixture)
{
    private const string Username = "pt.an-thinh";

    [Fact]
    public async Task ALogoutByTokenEndsThatSignInsTokenCookieAndHubAccessButNotTheUsersOtherSignIns()
    {
        var cookies = new CookieContainer();
        using var laptop = fixture.CreateClient(new HttpClientHandler { CookieContainer = cookies });
        string laptopToken = await LoginAsync(laptop);
        using var phone = fixture.CreateClient();
        string phoneToken = await LoginAsync(phone);
        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(laptop, null));
        Assert.DoesNotContain("unauthorized", await StopLiveRefusalAsync(laptopToken), StringComparison.OrdinalIgnoreCase);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Authorization = new AuthenticationHeaderValue("Bearer", laptopToken);
        using var loggedOut = await fixture.CreateClient().SendAsync(logout);
        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(fixture.CreateClient(), laptopToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(laptop, null));
        Assert.Contains("unauthorized", await StopLiveRefusalAsync(laptopToken), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(fixture.CreateClient(), phoneToken));
        Assert.DoesNotContain("unauthorized", await StopLiveRefusalAsync(phoneToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ALogoutByCookieAlsoEndsTheBearerTokenOfTheSameLogin()
    {
        var cookies = new CookieContainer();
        using var browser = fixture.CreateClient(new HttpClientHandler { CookieContainer = cookies });
        string token = await LoginAsync(browser);

        using var loggedOut = await browser.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(fixture.CreateClient(), token));
        using var refused = await fixture.CreateClient().SendAsync(MeRequest(token));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("session-expired", problem.GetProperty("reason").GetString());
    }

    private async Task<string> LoginAsync(HttpClient http)
    {
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { username = Username, password = fixture.Passwords[Username] });
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    private static HttpRequestMessage MeRequest(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static async Task<HttpStatusCode> StatusOfMeAsync(HttpClient http, string? token)
    {
        using HttpRequestMessage request = MeRequest(token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> StopLiveRefusalAsync(string token)
    {
        // The broadcast hub admits anonymous speaker pages, so its methods carry [Authorize]: stopping a live broadcast
        // that does not exist is refused as "unauthorized" without a valid sign-in and as not found with one.
        await using HubConnection hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Server.Url, BroadcastHub.Path), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await hub.StartAsync();
        HubException refusal = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("StopLive", "no-such-broadcast"));
        return refusal.Message;
    }
}
