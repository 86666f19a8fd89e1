using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VanYen.Media.Integration.Tests.Devices;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Integration.Tests.EndToEnd;

/// <summary>
/// One real server process with the demo district, and one reference receiver (the demo device) on a cluster of
/// Thôn Làng Hốc and one on the cluster of Thôn Thác Cá, both in Xã An Thịnh, logged in over HTTPS with the pinned
/// certificate and recording what they play.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public const string LangHocCluster = "Cụm loa nhà văn hoá Làng Hốc";
    public const string ThacCaCluster = "Cụm loa thôn Thác Cá";

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private ServerProcess? _server;
    private Dictionary<string, string> _passwords = [];
    private IReadOnlyList<(long ReceiverId, string Secret)> _devices = [];

    internal ServerProcess Server => _server ?? throw new InvalidOperationException("not started");

    public long LangHocClusterId { get; private set; }

    public long ThacCaClusterId { get; private set; }

    public ReceiverAgent.ReceiverAgent LangHocAgent { get; private set; } = null!;

    public ReceiverAgent.ReceiverAgent ThacCaAgent { get; private set; } = null!;

    public long ThacCaReceiverId { get; private set; }

    public long LangHocReceiverId { get; private set; }

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync();
        await _server.WaitForHttpsUrlAsync();
        _devices = await DemoDeviceLogins.ReadAsync(_server.DataDirectory);
        _passwords = Api.ApiServerFixture.ReadLogins(await File.ReadAllTextAsync(Path.Combine(_server.DataDirectory, "demo-logins.txt")));

        using var admin = await ClientForAsync("admin");
        var clusters = await admin.GetFromJsonAsync<JsonElement>("/api/clusters");
        LangHocClusterId = clusters.EnumerateArray().Single(c => c.GetProperty("name").GetString() == LangHocCluster).GetProperty("id").GetInt64();
        ThacCaClusterId = clusters.EnumerateArray().Single(c => c.GetProperty("name").GetString() == ThacCaCluster).GetProperty("id").GetInt64();
        LangHocReceiverId = await FirstReceiverAsync(admin, LangHocClusterId);
        ThacCaReceiverId = await FirstReceiverAsync(admin, ThacCaClusterId);
        LangHocAgent = await StartAgentAsync(LangHocReceiverId);
        ThacCaAgent = await StartAgentAsync(ThacCaReceiverId);
    }

    public async Task DisposeAsync()
    {
        if (LangHocAgent is not null)
        {
            await LangHocAgent.DisposeAsync();
        }

        if (ThacCaAgent is not null)
        {
            await ThacCaAgent.DisposeAsync();
        }

        if (_server is not null)
        {
            string data = _server.DataDirectory;
            await _server.DisposeAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>A new reference receiver for the demo device <paramref name="receiverId"/>, started (logged in).</summary>
    public async Task<ReceiverAgent.ReceiverAgent> StartAgentAsync(long receiverId) =>
        await ReferenceReceiver.StartAsync(Server, receiverId, _devices.Single(d => d.ReceiverId == receiverId).Secret);

    /// <summary>Drops the Thác Cá receiver (disposed: its socket and control connection close) and installs <paramref name="replacement"/>.</summary>
    public async Task ReplaceThacCaAgentAsync(Func<Task<ReceiverAgent.ReceiverAgent>> replacement)
    {
        await ThacCaAgent.DisposeAsync();
        ThacCaAgent = await replacement();
    }

    /// <summary>A client sending a demo user's bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(string username)
    {
        if (!_tokens.TryGetValue(username, out string? token))
        {
            using var anonymous = new HttpClient { BaseAddress = Server.Url };
            using var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { username, password = _passwords[username] });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            _tokens[username] = token;
        }

        var http = new HttpClient { BaseAddress = Server.Url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Stops whatever plays on both clusters (as the district admin) and waits until both receivers are quiet.</summary>
    public async Task SilenceBothClustersAsync()
    {
        using var admin = await ClientForAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/clusters/cancel", new { clusterIds = new[] { LangHocClusterId, ThacCaClusterId } });
        response.EnsureSuccessStatusCode();
        await WaitUntilAsync(async () => await PlayingProgramAsync(LangHocReceiverId) is null && await PlayingProgramAsync(ThacCaReceiverId) is null, "both clusters are idle");
        await WaitForNoPacketsAsync(LangHocAgent);
        await WaitForNoPacketsAsync(ThacCaAgent);
    }

    /// <summary>What the server says the receiver's cluster is sending it now (its health in <c>GET /api/receivers/{id}</c>).</summary>
    public async Task<string?> PlayingProgramAsync(long receiverId)
    {
        using var admin = await ClientForAsync("admin");
        var receiver = await admin.GetFromJsonAsync<JsonElement>($"/api/receivers/{receiverId}");
        return receiver.TryGetProperty("health", out var health) && health.ValueKind == JsonValueKind.Object
            && health.TryGetProperty("playingProgramId", out var playing) && playing.ValueKind == JsonValueKind.String
            ? playing.GetString()
            : null;
    }

    /// <summary>Polls an asynchronous condition (every 50 ms, up to 15 s).</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "timed out waiting until " + what + " — " + DescribeReceivers());
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until no program packet has arrived at the agent for 300 ms.</summary>
    public static async Task WaitForNoPacketsAsync(ReceiverAgent.ReceiverAgent agent)
    {
        var clock = Stopwatch.StartNew();
        long last = -1;
        while (true)
        {
            long now = agent.ReceivedPackets;
            if (now == last)
            {
                return;
            }

            last = now;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "packets keep arriving at a quiet receiver");
            await Task.Delay(300);
        }
    }

    /// <summary>The audit entries of <paramref name="action"/> about <paramref name="targetId"/>, polled until <paramref name="until"/> holds.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForAuditAsync(string action, string targetId, Func<IReadOnlyList<JsonElement>, bool> until, string what)
    {
        using var admin = await ClientForAsync("admin");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?action={Uri.EscapeDataString(action)}&pageSize=200");
            var entries = page.GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("targetId").GetString() == targetId)
                .ToArray();
            if (until(entries))
            {
                return entries;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"timed out waiting for the audit: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Both receivers' state, for failure messages.</summary>
    public string DescribeReceivers() =>
        $"Làng Hốc: {Describe(LangHocAgent)}; Thác Cá: {Describe(ThacCaAgent)}";

    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, "timed out waiting until " + what + " — " + DescribeReceivers());
            await Task.Delay(10);
        }
    }

    private static string Describe(ReceiverAgent.ReceiverAgent agent) =>
        $"playing {agent.CurrentProgramId ?? "-"}, announced {agent.AnnouncedProgramId ?? "-"}, {agent.ReceivedPackets} packets, {agent.Media.RejectedPackets} rejected, {agent.Media.KeepaliveResponses} keepalive answers, hub {(agent.Connected ? "connected" : "down")}";

    private static async Task<long> FirstReceiverAsync(HttpClient admin, long clusterId)
    {
        var receivers = await admin.GetFromJsonAsync<JsonElement>($"/api/receivers?clusterId={clusterId}");
        return receivers.EnumerateArray().First().GetProperty("id").GetInt64();
    }
}
