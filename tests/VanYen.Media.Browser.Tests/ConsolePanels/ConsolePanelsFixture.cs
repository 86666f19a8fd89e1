using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Relay.Tests.Testing;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Browser.Tests.ConsolePanels;

/// <summary>
/// One real server for the console panel tests: a small district (<see cref="PanelsTestDistrict"/>), the test clock on
/// (<c>VanYen:Testing:ClockControl</c>), a relay station "test-station" pointing at a local Icecast-like tone stream,
/// and the reference receiver of the district's cluster recording what it plays.
/// </summary>
public sealed class ConsolePanelsFixture : IAsyncLifetime
{
    public const string StationId = "test-station";
    public const string StationName = "Đài thử nghiệm";

    private ServerProcess? _server;
    private PacedStreamServer? _station;
    private HttpClient? _api;

    internal PanelsTestDistrict District { get; private set; } = null!;

    internal ServerProcess Server => _server ?? throw new InvalidOperationException("not started");

    internal ReceiverAgent.ReceiverAgent Receiver { get; private set; } = null!;

    internal SpeechFile Speech { get; private set; } = null!;

    /// <summary>The announcer's API client (bearer token).</summary>
    internal HttpClient Api => _api ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        Speech = await SpeechFile.GetAsync();
        District = await PanelsTestDistrict.CreateAsync();
        _station = PacedStreamServer.Start(ToneFiles.Tone(440, 5));
        _server = await ServerProcess.StartAsync(
            District.DataDirectory,
            "--VanYen:SeedDemo=false",
            "--VanYen:Testing:ClockControl=true",
            "--VanYen:Relay:Stations:0:Id=" + StationId,
            "--VanYen:Relay:Stations:0:Name=" + StationName,
            "--VanYen:Relay:Stations:0:Urls:0=" + _station.Url);
        Receiver = await ReferenceReceiver.StartAsync(_server, District.ReceiverId, District.ReceiverSecret);

        using var anonymous = new HttpClient { BaseAddress = _server.Url };
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = District.Username, password = District.Password });
        login.EnsureSuccessStatusCode();
        string token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        _api = new HttpClient { BaseAddress = _server.Url, Timeout = TimeSpan.FromSeconds(60) };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_station is not null)
        {
            await _station.DisposeAsync();
        }

        if (District is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(District.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Signs the page in (cookie) and opens the panel test page with <paramref name="panel"/> mounted.</summary>
    internal async Task<IPage> OpenPanelAsync(Chromium browser, string panel, List<string> console)
    {
        IPage page = await browser.NewPageAsync(console);
        await page.GotoAsync(new Uri(Server.Url, "/index.html").ToString());
        int status = await page.EvaluateAsync<int>(
            "async ([username, password]) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) })).status",
            new object[] { District.Username, District.Password });
        Assert.InRange(status, 200, 299);
        await page.GotoAsync(new Uri(Server.Url, "/panel-harness.html?panel=" + panel).ToString());
        try
        {
            await page.WaitForFunctionAsync("() => window.vanyenHarness?.ready || window.vanyenHarness?.error", null, new PageWaitForFunctionOptions { Timeout = 20000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the {panel} panel did not mount\n{string.Join('\n', console)}");
        }

        string? error = await page.EvaluateAsync<string?>("() => window.vanyenHarness.error ?? null");
        Assert.True(error is null, $"the harness reports: {error}\n{string.Join('\n', console)}");
        return page;
    }

    /// <summary>Ticks the district's cluster in the harness's target list.</summary>
    internal Task ChooseClusterAsync(IPage page) => page.CheckAsync($"input[data-cluster-id='{District.ClusterId}']");

    /// <summary>One broadcast as the API shows it.</summary>
    internal async Task<JsonElement> GetBroadcastAsync(string id) => await Api.GetFromJsonAsync<JsonElement>($"/api/broadcasts/{Uri.EscapeDataString(id)}");

    /// <summary>All broadcasts the announcer sees.</summary>
    internal async Task<JsonElement[]> ListBroadcastsAsync() => [.. (await Api.GetFromJsonAsync<JsonElement>("/api/broadcasts")).EnumerateArray()];

    /// <summary>Stops whatever plays on the cluster and waits until the receiver is quiet.</summary>
    internal async Task SilenceAsync()
    {
        using var response = await Api.PostAsJsonAsync("/api/clusters/cancel", new { clusterIds = new[] { District.ClusterId } });
        response.EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        long last = -1;
        while (Receiver.ReceivedPackets != last)
        {
            last = Receiver.ReceivedPackets;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "packets keep arriving at a silenced receiver");
            await Task.Delay(400);
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms up to <paramref name="seconds"/>.</summary>
    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, double seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), "timed out waiting until " + what);
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// How well a one-shot <paramref name="played"/> program matches <paramref name="source"/>: aligned by
    /// <see cref="LoopCorrelation.Best"/> (the received audio padded with silence so the whole program fits one source
    /// period), then the 200 ms segmental correlation of <see cref="LoopCorrelation.Segmental"/>, counting only the
    /// 20 ms frames that arrived: a frame the receiver had to fill with silence (lost or late on this loaded machine)
    /// is left out of both sides instead of scoring zero. <see cref="ArrivedFraction"/> says how much arrived.
    /// </summary>
    internal static LoopMatch MatchOnce(short[] source, short[] played, int sampleRate)
    {
        int maxLag = sampleRate * 150 / 1000;
        var received = new short[maxLag + Math.Max(played.Length, source.Length) + maxLag];
        played.CopyTo(received, maxLag);
        int from = received.Length - source.Length - maxLag;
        var (correlation, shift) = LoopCorrelation.Best(source, received, from);
        int length = source.Length + (2 * maxLag);
        var aligned = new short[length];
        for (int i = 0; i < length; i++)
        {
            aligned[i] = source[(((shift - maxLag + i) % source.Length) + source.Length) % source.Length];
        }

        ReadOnlySpan<short> window = received.AsSpan(from - maxLag, length);
        const int Frame = 960;
        for (int start = 0; start < length; start += Frame)
        {
            int end = Math.Min(length, start + Frame);
            if (!window[start..end].ContainsAnyExcept((short)0))
            {
                aligned.AsSpan(start, end - start).Clear();
            }
        }

        double segmental = VanYen.Media.Engine.Tests.Audio.Codec.AudioSimilarity.SegmentalCorrelation(aligned, window, sampleRate / 5, maxLag);
        return new LoopMatch(correlation, shift, segmental);
    }

    /// <summary>The share of <paramref name="source"/>'s length that <paramref name="played"/> holds in non-silent 20 ms frames.</summary>
    internal static double ArrivedFraction(short[] source, short[] played)
    {
        int arrived = 0;
        for (int start = 0; start + 960 <= played.Length; start += 960)
        {
            arrived += played.AsSpan(start, 960).ContainsAnyExcept((short)0) ? 960 : 0;
        }

        return (double)arrived / source.Length;
    }

    /// <summary>Waits for <paramref name="locator"/>; on timeout the failure shows the panel's status line and the page's console.</summary>
    internal static async Task WaitForAsync(IPage page, ILocator locator, List<string> console, float timeout = 20000)
    {
        try
        {
            await locator.WaitForAsync(new LocatorWaitForOptions { Timeout = timeout });
        }
        catch (TimeoutException exception)
        {
            string status = string.Join(" | ", await page.Locator(".panel-status").AllInnerTextsAsync());
            throw new TimeoutException($"{exception.Message}\npanel status: {status}\n{string.Join('\n', console)}", exception);
        }
    }

    /// <summary>The state of a broadcast view, lower case ("onair", "scheduled", "ended"…).</summary>
    internal static string State(JsonElement view) => view.GetProperty("state").GetString()!.ToLowerInvariant();
}
