using System.Text.Json;
using Microsoft.Playwright;

namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>echo.html or relay.html in a tab, driven through the buttons and read through <c>window.vanyen</c>.</summary>
internal sealed class CallPage
{
    private readonly List<string> _console;

    private CallPage(IPage page, List<string> console)
    {
        Page = page;
        _console = console;
    }

    public IPage Page { get; }

    /// <summary>What the page logged (for failure messages).</summary>
    public string Console
    {
        get
        {
            lock (_console)
            {
                return string.Join('\n', _console);
            }
        }
    }

    public static async Task<CallPage> OpenAsync(Chromium browser, Uri server, string path)
    {
        var console = new List<string>();
        var page = await browser.NewPageAsync(console);
        await page.GotoAsync(new Uri(server, path).ToString());
        return new CallPage(page, console);
    }

    public Task ClickAsync(string buttonId) => Page.ClickAsync("#" + buttonId);

    /// <summary>Ticks "Tôi dùng tai nghe": the mic's audio is sent without echo cancellation, as captured.</summary>
    public Task UseHeadphonesAsync() => Page.CheckAsync("#headphones");

    /// <summary>Waits until the RTCPeerConnection is connected (ICE and DTLS done); fails with the page's error otherwise.</summary>
    public async Task WaitForConnectedAsync(TimeSpan timeout)
    {
        try
        {
            await Page.WaitForFunctionAsync(
                "() => window.vanyen?.pc?.connectionState === 'connected' || window.vanyen?.lastError",
                null,
                new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"not connected after {timeout}: state '{await ConnectionStateAsync()}'\n{Console}");
        }

        string? error = await LastErrorAsync();
        Assert.True(error is null, $"the page reports: {error}\n{Console}");
    }

    public Task<string?> ConnectionStateAsync() => Page.EvaluateAsync<string?>("() => window.vanyen?.pc?.connectionState ?? null");

    public Task<string?> LastErrorAsync() => Page.EvaluateAsync<string?>("() => window.vanyen?.lastError ?? null");

    /// <summary>The reason of the server's <c>SessionClosed</c> message, if one came.</summary>
    public Task<string?> ClosedReasonAsync() => Page.EvaluateAsync<string?>("() => window.vanyen?.closedReason ?? null");

    public Task<string?> SessionIdAsync() => Page.EvaluateAsync<string?>("() => window.vanyen?.sessionId ?? null");

    /// <summary>The page's getStats() summary: <c>inbound</c>, <c>outbound</c>, <c>transport</c>, <c>candidatePair</c>.</summary>
    public async Task<JsonElement> StatsAsync() => await Page.EvaluateAsync<JsonElement>("() => window.vanyen.stats()");

    public async Task<long> PacketsReceivedAsync()
    {
        var stats = await StatsAsync();
        return stats.GetProperty("inbound").ValueKind == JsonValueKind.Object
            ? stats.GetProperty("inbound").GetProperty("packetsReceived").GetInt64()
            : 0;
    }

    public Task<double> ReceivedLevelAsync() => Page.EvaluateAsync<double>("() => window.vanyen.receivedLevel()");

    /// <summary>The loudest received level (RMS, 0..1) seen in <paramref name="duration"/>, sampled every 50 ms.</summary>
    public async Task<double> MaxReceivedLevelAsync(TimeSpan duration)
    {
        double max = 0;
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            max = Math.Max(max, await ReceivedLevelAsync());
            await Task.Delay(50);
        }

        return max;
    }

    /// <summary>Records <paramref name="seconds"/> of the received audio inside the page (WebAudio), as 16-bit PCM.</summary>
    public async Task<(short[] Samples, int SampleRate)> RecordReceivedAsync(double seconds)
    {
        var recording = await Page.EvaluateAsync<JsonElement>("seconds => window.vanyen.recordReceived(seconds)", seconds);
        var samples = recording.GetProperty("samples").EnumerateArray().Select(sample => sample.GetDouble()).ToList();
        return (LoopCorrelation.ToPcm16(samples), recording.GetProperty("sampleRate").GetInt32());
    }
}
