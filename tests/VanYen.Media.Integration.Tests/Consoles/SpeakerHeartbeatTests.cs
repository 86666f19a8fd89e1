using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VanYen.Media.Integration.Tests.Api;
using VanYen.Media.Signaling.Contracts.Broadcast;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Integration.Tests.Consoles;

/// <summary>
/// A speaker page (a broadcast hub connection opened with a Browser receiver's secret) is its receiver online, in
/// GET /api/receivers (what the dashboard reads) and in the ReceiverStatus push (what the console's on-air light
/// reads); its SpeakerHeartbeat fills what it plays, loss and jitter; it goes offline when its connection closes.
/// </summary>
[Collection(ApiServerCollection.Name)]
public sealed class SpeakerHeartbeatTests(ApiServerFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ASpeakerConnectionIsItsReceiverOnlineWithWhatItPlaysItsLossAndJitterUntilItCloses()
    {
        using var admin = await fixture.ClientForAsync("admin");
        var (receiverId, secret) = await CreateBrowserReceiverAsync(admin, "Loa trình duyệt thử nhịp tim");
        Assert.Equal(JsonValueKind.Null, (await GetHealthAsync(admin, receiverId)).ValueKind);

        var pushes = new ConcurrentQueue<ReceiverStatusEntry>();
        await using HubConnection console = await ConnectAsUserAsync("admin");
        console.On<ReceiverStatusMessage>(BroadcastHub.ReceiverStatusMethod, message =>
        {
            foreach (ReceiverStatusEntry entry in message.Receivers)
            {
                if (entry.ReceiverId == receiverId)
                {
                    pushes.Enqueue(entry);
                }
            }
        });

        HubConnection speaker = await ConnectAsSpeakerAsync(secret);
        try
        {
            // The hub registers the connection just after its handshake (OnConnectedAsync), so the first GET may precede it.
            await WaitUntilAsync(async () => (await GetHealthAsync(admin, receiverId)).ValueKind == JsonValueKind.Object, "the speaker's receiver has health");
            JsonElement connected = await GetHealthAsync(admin, receiverId);
            Assert.True(connected.GetProperty("online").GetBoolean());
            Assert.True(connected.GetProperty("controlConnected").GetBoolean());
            Assert.Equal(JsonValueKind.Null, connected.GetProperty("playingProgramId").ValueKind);

            // Two reports: the loss is over the interval between them (50 lost of 150 expected), not since the start.
            const string playing = "b-speaker-heartbeat-test";
            await speaker.InvokeAsync(nameof(BroadcastHub.SpeakerHeartbeat), new SpeakerHeartbeat(playing, 100, 0, 3.5));
            await speaker.InvokeAsync(nameof(BroadcastHub.SpeakerHeartbeat), new SpeakerHeartbeat(playing, 200, 50, 12.25));

            JsonElement health = await GetHealthAsync(admin, receiverId);
            Assert.True(health.GetProperty("online").GetBoolean());
            Assert.Equal(playing, health.GetProperty("playingProgramId").GetString());
            Assert.Equal(50.0 / 150.0, health.GetProperty("fractionLost").GetDouble(), 6);
            Assert.Equal(12.25, health.GetProperty("jitterMilliseconds").GetDouble(), 6);
            Assert.Equal(JsonValueKind.String, health.GetProperty("lastHeartbeat").ValueKind);

            ReceiverStatusEntry pushed = await WaitForPushAsync(pushes, entry => entry.Online && entry.PlayingProgramId == playing);
            Assert.Equal(50.0 / 150.0, pushed.FractionLost!.Value, 6);
            Assert.Equal(12.25, pushed.JitterMilliseconds!.Value, 6);
        }
        finally
        {
            await speaker.DisposeAsync();
        }

        await WaitUntilAsync(async () => !(await GetHealthAsync(admin, receiverId)).GetProperty("controlConnected").GetBoolean(), "the receiver's connection shows closed");
        pushes.Clear();
        ReceiverStatusEntry offline = await WaitForPushAsync(pushes, _ => true);
        Assert.False(offline.Online);
    }

    [Fact]
    public async Task TwoSpeakerPagesOfOneReceiverKeepItOnlineUntilBothAreGoneAndAnIdlePageDoesNotHideTheOthersProgram()
    {
        using var admin = await fixture.ClientForAsync("admin");
        var (receiverId, secret) = await CreateBrowserReceiverAsync(admin, "Loa trình duyệt hai trang");
        HubConnection first = await ConnectAsSpeakerAsync(secret);
        await using HubConnection second = await ConnectAsSpeakerAsync(secret);

        await second.InvokeAsync(nameof(BroadcastHub.SpeakerHeartbeat), new SpeakerHeartbeat("b-two-pages", 50, 0, 2.0));
        await first.InvokeAsync(nameof(BroadcastHub.SpeakerHeartbeat), new SpeakerHeartbeat(null, 0, 0, null));
        Assert.Equal("b-two-pages", (await GetHealthAsync(admin, receiverId)).GetProperty("playingProgramId").GetString());

        await first.DisposeAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        JsonElement oneLeft = await GetHealthAsync(admin, receiverId);
        Assert.True(oneLeft.GetProperty("online").GetBoolean());
        Assert.True(oneLeft.GetProperty("controlConnected").GetBoolean(), "one page is still connected");

        await second.StopAsync();
        await WaitUntilAsync(async () => !(await GetHealthAsync(admin, receiverId)).GetProperty("controlConnected").GetBoolean(), "the receiver's last connection shows closed");
    }

    [Fact]
    public async Task AUserConnectionOrAWrongTokenCannotSendASpeakerHeartbeatAndNonsenseValuesAreRefused()
    {
        using var admin = await fixture.ClientForAsync("admin");
        var (receiverId, secret) = await CreateBrowserReceiverAsync(admin, "Loa trình duyệt kiểm tra đầu vào");
        var report = new SpeakerHeartbeat("b-refused", 10, 0, 1.0);

        await using HubConnection user = await ConnectAsUserAsync("admin");
        var asUser = await Assert.ThrowsAsync<HubException>(() => user.InvokeAsync(nameof(BroadcastHub.SpeakerHeartbeat), report));
        Assert.Contains("HubException: 403 Forbidden", asUser.Message, StringComparison.Ordinal);

        await using HubConnection stranger = await ConnectAsSpeakerAsync("not-the-secret-of-any-receiver");
        var asStranger = await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync(nameof(BroadcastHub.SpeakerHeartbeat), report));
        Assert.Contains("HubException: 403 Forbidden", asStranger.Message, StringComparison.Ordinal);

        await using HubConnection speaker = await ConnectAsSpeakerAsync(secret);
        SpeakerHeartbeat[] nonsense =
        [
            report with { PacketsReceived = -1 },
            report with { JitterMilliseconds = -0.5 },
            report with { JitterMilliseconds = SpeakerHeartbeat.MaxJitterMilliseconds * 10 },
            report with { PlayingBroadcastId = new string('x', SpeakerHeartbeat.MaxBroadcastIdLength + 1) },
            report with { PlayingBroadcastId = "b-\u0001" },
        ];
        foreach (SpeakerHeartbeat bad in nonsense)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => speaker.InvokeAsync(nameof(BroadcastHub.SpeakerHeartbeat), bad));
            Assert.Contains("HubException: 400 Bad Request", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(JsonValueKind.Null, (await GetHealthAsync(admin, receiverId)).GetProperty("playingProgramId").ValueKind);

        // The connection survives the refusals; a negative loss (duplicates, RFC 3550 §6.4.1) counts as none.
        await speaker.InvokeAsync(nameof(BroadcastHub.SpeakerHeartbeat), report with { PacketsLost = -3 });
        JsonElement health = await GetHealthAsync(admin, receiverId);
        Assert.Equal("b-refused", health.GetProperty("playingProgramId").GetString());
        Assert.Equal(0.0, health.GetProperty("fractionLost").GetDouble());
    }

    private async Task<(long ReceiverId, string Secret)> CreateBrowserReceiverAsync(HttpClient admin, string name)
    {
        long village = await ScopeEndpointsTests.FindAreaAsync(admin, "Thôn Thác Cá");
        long cluster = (await admin.GetFromJsonAsync<JsonElement>($"/api/clusters?areaId={village}"))[0].GetProperty("id").GetInt64();
        using var created = await admin.PostAsJsonAsync("/api/receivers", new { clusterId = cluster, name = name + " " + Guid.NewGuid().ToString("N")[..6], kind = "browser" });
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("receiver").GetProperty("id").GetInt64(), body.GetProperty("secret").GetString()!);
    }

    private static async Task<JsonElement> GetHealthAsync(HttpClient admin, long receiverId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/receivers/{receiverId}")).GetProperty("health");

    private async Task<HubConnection> ConnectAsUserAsync(string username)
    {
        string token = (await fixture.LoginAsync(username)).GetProperty("accessToken").GetString()!;
        HubConnection hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Server.Url, BroadcastHub.Path), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private async Task<HubConnection> ConnectAsSpeakerAsync(string secret)
    {
        HubConnection hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Server.Url, $"{BroadcastHub.Path}?{BroadcastHub.ReceiverTokenQueryParameter}={Uri.EscapeDataString(secret)}"))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private static async Task<ReceiverStatusEntry> WaitForPushAsync(ConcurrentQueue<ReceiverStatusEntry> pushes, Func<ReceiverStatusEntry, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            while (pushes.TryDequeue(out ReceiverStatusEntry? entry))
            {
                if (wanted(entry))
                {
                    return entry;
                }
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail("timed out waiting until " + what);
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }
}
