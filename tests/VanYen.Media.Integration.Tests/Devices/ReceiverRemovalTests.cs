using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Integration.Tests.EndToEnd;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Devices;
using VanYen.Media.Signaling.Contracts.Broadcast;
using VanYen.Media.Signaling.Contracts.Devices;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Integration.Tests.Devices;

/// <summary>
/// Deleting a receiver, or replacing its secret after a leak, cuts off whatever logged in with it at once — a stolen
/// loudspeaker must not go on playing the commune's bulletins until its token expires: the device's media stops, its
/// control connection closes and its secret is refused; a speaker page's connection closes; an HTTP stream ends.
/// </summary>
public sealed class ReceiverRemovalTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private DeviceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DeviceTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DeletingAReceiverStopsItsMediaClosesItsControlRefusesItsSecretAndForgetsItsHealth()
    {
        (long id, string secret) = _host.Devices[0];
        using HttpClient admin = await _host.ClientForAsync("admin");
        ReceiverAgent.ReceiverAgent agent = await StartHearingABulletinAsync(admin);
        Assert.Contains(_host.Get<IDeviceControl>().GetHealth(), health => health.ReceiverId == id);

        using (HttpResponseMessage deleted = await admin.DeleteAsync($"/api/receivers/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await DeviceTestHost.WaitUntilAsync(() => !agent.Connected, Patience, "the control connection is closed");
        await EndToEndFixture.WaitForNoPacketsAsync(agent);
        long packets = agent.ReceivedPackets;
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        // The bulletin is still on air in the cluster; nothing of it reaches the deleted receiver, which cannot come back.
        Assert.Equal(packets, agent.ReceivedPackets);
        Assert.False(agent.Connected, "the agent's logins are refused");
        Assert.Equal(HttpStatusCode.Unauthorized, await DeviceLoginStatusAsync(id, secret));
        Assert.DoesNotContain(_host.Get<IDeviceControl>().GetHealth(), health => health.ReceiverId == id);
        Assert.False(_host.Get<IDeviceMediaRegistry>().TryGetStatus(id.ToString(CultureInfo.InvariantCulture), out _));
        var audit = await _host.Get<IAuditLog>().QueryAsync(new AuditQuery { Action = "receiver.deleted" });
        Assert.Contains(audit.Entries, entry => entry.TargetId == id.ToString(CultureInfo.InvariantCulture) && entry.DetailsJson!.Contains("\"connectionsClosed\":1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewSecretCutsOffTheDeviceHoldingTheOldOneAndLetsTheNewOneIn()
    {
        (long id, string oldSecret) = _host.Devices[0];
        using HttpClient admin = await _host.ClientForAsync("admin");
        ReceiverAgent.ReceiverAgent leaked = await StartHearingABulletinAsync(admin);

        string newSecret;
        using (HttpResponseMessage rotated = await admin.PostAsync($"/api/receivers/{id}/secret", null))
        {
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
            newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        }

        await DeviceTestHost.WaitUntilAsync(() => !leaked.Connected, Patience, "the old secret's control connection is closed");
        await EndToEndFixture.WaitForNoPacketsAsync(leaked);
        Assert.Equal(HttpStatusCode.Unauthorized, await DeviceLoginStatusAsync(id, oldSecret));

        ReceiverAgent.ReceiverAgent replaced = await _host.StartAgentAsync(id, newSecret);
        await DeviceTestHost.WaitUntilAsync(() => replaced.Connected && replaced.ReceivedPackets > 50, Patience, "the device with the new secret plays");
        long leakedPackets = leaked.ReceivedPackets;
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(leakedPackets, leaked.ReceivedPackets);
        Assert.False(leaked.Connected);
        Assert.Contains(_host.Get<IDeviceControl>().GetHealth(), health => health.ReceiverId == id && health.ControlConnected);
    }

    [Fact]
    public async Task DeletingABrowserReceiverClosesItsSpeakerPageAndItsSecretNoLongerMakesASpeaker()
    {
        using HttpClient admin = await _host.ClientForAsync("admin");
        (long id, string secret) = await CreateReceiverAsync(admin, "browser");
        HubConnection page = await ConnectAsSpeakerAsync(secret);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await DeviceTestHost.WaitUntilAsync(
            () => _host.Get<IDeviceControl>().GetHealth().Any(health => health.ReceiverId == id && health.ControlConnected),
            Patience,
            "the speaker page is its receiver's connection");

        using (HttpResponseMessage deleted = await admin.DeleteAsync($"/api/receivers/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await closed.Task.WaitAsync(Patience);
        Assert.DoesNotContain(_host.Get<IDeviceControl>().GetHealth(), health => health.ReceiverId == id);

        // The page reconnects with the same secret: the connection opens (a hub connection is anyone's) but is no speaker.
        await using HubConnection again = await ConnectAsSpeakerAsync(secret);
        var refused = await Assert.ThrowsAsync<HubException>(() => again.InvokeAsync(nameof(BroadcastHub.SpeakerHeartbeat), new SpeakerHeartbeat(null, 0, 0, null)));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        await page.DisposeAsync();
    }

    [Fact]
    public async Task DeletingAnHttpStreamReceiverEndsItsOpenStreamAndRefusesItsToken()
    {
        using HttpClient admin = await _host.ClientForAsync("admin");
        (long id, string token) = await CreateReceiverAsync(admin, "httpStream");
        long cluster = (await admin.GetFromJsonAsync<JsonElement>($"/api/receivers/{id}")).GetProperty("clusterId").GetInt64();
        using var player = new HttpClient { BaseAddress = _host.HttpUrl, Timeout = Timeout.InfiniteTimeSpan };
        string url = $"/api/clusters/{cluster}/stream.ogg?token={Uri.EscapeDataString(token)}";
        using HttpResponseMessage response = await player.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using Stream body = await response.Content.ReadAsStreamAsync();
        byte[] chunk = new byte[4096];
        Assert.True(await body.ReadAsync(chunk) > 0, "the stream flows");

        using (HttpResponseMessage deleted = await admin.DeleteAsync($"/api/receivers/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        // The idle cluster streams silent frames without end: only the deletion can end this read loop.
        using var patience = new CancellationTokenSource(Patience);
        bool ended = false;
        try
        {
            while (await body.ReadAsync(chunk, patience.Token) > 0)
            {
            }

            ended = true;
        }
        catch (Exception cut) when (cut is IOException or HttpRequestException)
        {
            ended = true;
        }

        Assert.True(ended, "the open stream ended");
        using HttpResponseMessage again = await player.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    /// <summary>Demo device 0, connected and hearing a bulletin started on its cluster.</summary>
    private async Task<ReceiverAgent.ReceiverAgent> StartHearingABulletinAsync(HttpClient admin)
    {
        ReceiverAgent.ReceiverAgent agent = await _host.StartAgentAsync(0);
        await DeviceTestHost.WaitUntilAsync(() => agent.Connected, Patience, "the agent is connected");
        await StartBulletinAsync(admin, agent.Login!.ClusterId);
        await DeviceTestHost.WaitUntilAsync(() => agent.ReceivedPackets > 50, Patience, "the agent receives the bulletin");
        return agent;
    }

    private static async Task StartBulletinAsync(HttpClient admin, long clusterId)
    {
        using HttpResponseMessage started = await admin.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Thông báo",
            source = new { kind = "tts", text = "Thông báo của ủy ban nhân dân xã về lịch tiêm chủng tuần này." },
            repetitions = 20,
            clusterIds = new[] { clusterId },
        });
        Assert.True(started.IsSuccessStatusCode, $"{started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
    }

    private static async Task<(long Id, string Secret)> CreateReceiverAsync(HttpClient admin, string kind)
    {
        long cluster = (await admin.GetFromJsonAsync<JsonElement>("/api/clusters"))[0].GetProperty("id").GetInt64();
        using HttpResponseMessage created = await admin.PostAsJsonAsync("/api/receivers", new { clusterId = cluster, name = "Loa thử xoá " + kind, kind });
        Assert.True(created.IsSuccessStatusCode, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        JsonElement body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("receiver").GetProperty("id").GetInt64(), body.GetProperty("secret").GetString()!);
    }

    private async Task<HttpStatusCode> DeviceLoginStatusAsync(long id, string secret)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var client = new HttpClient(handler) { BaseAddress = _host.HttpsUrl };
        using HttpResponseMessage response = await client.PostAsJsonAsync(DeviceEndpoints.LoginPath, new DeviceLoginRequest(id.ToString(CultureInfo.InvariantCulture), secret));
        return response.StatusCode;
    }

    private async Task<HubConnection> ConnectAsSpeakerAsync(string secret)
    {
        HubConnection hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_host.HttpUrl, $"{BroadcastHub.Path}?{BroadcastHub.ReceiverTokenQueryParameter}={Uri.EscapeDataString(secret)}"))
            .Build();
        await hub.StartAsync();
        return hub;
    }
}
