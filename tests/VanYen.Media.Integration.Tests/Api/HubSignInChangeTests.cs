using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Integration.Tests.Api;

/// <summary>
/// A change to a sign-in reaches the hub connections it has open (a console left open on a phone), not only the
/// REST API: a logout closes that sign-in's connections, a new password, a demotion or a removal closes the user's;
/// a change that leaves the sign-in valid (a new display name) closes nothing, and other users are never touched.
/// </summary>
[Collection(ApiServerCollection.Name)]
public sealed class HubSignInChangeTests(ApiServerFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ALogoutClosesThatSignInsHubConnectionsButNotTheUsersOtherSignIn()
    {
        using var admin = await fixture.ClientForAsync("admin");
        var (_, username, password) = await CreateUserAsync(admin, "announcer");
        string laptop = await LoginAsync(username, password);
        string phone = await LoginAsync(username, password);
        await using HubConnection laptopConsole = await ConnectAsync(laptop);
        await using HubConnection phoneConsole = await ConnectAsync(phone);
        Task laptopClosed = ClosedAsync(laptopConsole);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", laptop);
        using (var loggedOut = await fixture.CreateClient().SendAsync(logout))
        {
            Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);
        }

        await laptopClosed.WaitAsync(Patience);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(HubConnectionState.Connected, phoneConsole.State);
    }

    [Fact]
    public async Task ANewPasswordClosesTheUsersHubConnectionsAndTheOldSignInCannotOpenAnother()
    {
        using var admin = await fixture.ClientForAsync("admin");
        var (id, username, password) = await CreateUserAsync(admin, "announcer");
        string token = await LoginAsync(username, password);
        await using HubConnection console = await ConnectAsync(token);
        await using HubConnection bystander = await ConnectAsync((await fixture.LoginAsync("xem.huyen")).GetProperty("accessToken").GetString()!);
        Task closed = ClosedAsync(console);

        using (var reset = await admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "mat-khau-moi-2026" }))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        await closed.WaitAsync(Patience);
        await using HubConnection again = BuildConnection(token);
        Task againClosed = ClosedAsync(again);
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            // The server refuses it while it opens: either the start fails or the connection closes at once.
            await again.StartAsync();
            await againClosed.WaitAsync(Patience);
            throw new InvalidOperationException("closed by the server");
        });
        Assert.Equal(HubConnectionState.Connected, bystander.State);
    }

    [Fact]
    public async Task ADemotionOrARemovalClosesTheUsersHubConnectionsAndANewDisplayNameDoesNot()
    {
        using var admin = await fixture.ClientForAsync("admin");
        var (demotedId, demotedName, demotedPassword) = await CreateUserAsync(admin, "announcer");
        var (removedId, removedName, removedPassword) = await CreateUserAsync(admin, "announcer");
        await using HubConnection demoted = await ConnectAsync(await LoginAsync(demotedName, demotedPassword));
        await using HubConnection removed = await ConnectAsync(await LoginAsync(removedName, removedPassword));
        Task demotedClosed = ClosedAsync(demoted);
        Task removedClosed = ClosedAsync(removed);

        using (var renamed = await admin.PatchAsJsonAsync($"/api/users/{demotedId}", new { displayName = "Cán bộ văn hoá (mới)" }))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(HubConnectionState.Connected, demoted.State);

        using (var viewer = await admin.PatchAsJsonAsync($"/api/users/{demotedId}", new { role = "viewer" }))
        {
            Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        }

        await demotedClosed.WaitAsync(Patience);
        Assert.Equal(HubConnectionState.Connected, removed.State);

        using (var deleted = await admin.DeleteAsync($"/api/users/{removedId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await removedClosed.WaitAsync(Patience);
    }

    private async Task<(long Id, string Username, string Password)> CreateUserAsync(HttpClient admin, string role)
    {
        long village = await ScopeEndpointsTests.FindAreaAsync(admin, "Thôn Làng Hốc");
        string username = "hub." + Guid.NewGuid().ToString("N")[..8];
        using var created = await admin.PostAsJsonAsync("/api/users", new { username, displayName = "Cán bộ văn hoá", role, scopeAreaId = village });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("user").GetProperty("id").GetInt64(), username, body.GetProperty("generatedPassword").GetString()!);
    }

    private async Task<string> LoginAsync(string username, string password)
    {
        using var http = fixture.CreateClient();
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { username, password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private HubConnection BuildConnection(string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(fixture.Server.Url, BroadcastHub.Path), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .Build();

    private async Task<HubConnection> ConnectAsync(string token)
    {
        HubConnection hub = BuildConnection(token);
        await hub.StartAsync();
        return hub;
    }

    private static Task ClosedAsync(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
