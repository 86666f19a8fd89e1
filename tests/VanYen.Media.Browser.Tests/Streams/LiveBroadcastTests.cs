using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Media;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Streams;

/// <summary>
/// listen.html on the real server: an announcer's (fake) microphone goes live through <c>/hubs/broadcast</c>
/// StartLive and a second page, a speaker page holding a Browser receiver's token, hears it through Listen.
/// </summary>
[Collection(CallsCollection.Name)]
public class LiveBroadcastTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AnAnnouncersMicrophoneIsHeardByABrowserListeningToTheCluster()
    {
        var speech = await SpeechFile.GetAsync();
        var district = await StreamsTestDistrict.CreateAsync();
        try
        {
            await using var server = await ServerProcess.StartAsync(district.DataDirectory, "--VanYen:SeedDemo=false");
            await using var browser = await Chromium.LaunchAsync(speech.Path);
            var listenerConsole = new List<string>();
            IPage listener = await browser.NewPageAsync(listenerConsole);
            await listener.GotoAsync(new Uri(server.Url, "/listen.html").ToString());
            await listener.EvaluateAsync("([cluster, token]) => window.vanyenBroadcast.listen(cluster, token)", new object[] { district.ClusterId, district.ReceiverToken });
            await WaitForConnectedAsync(listener, listenerConsole);

            var speakerConsole = new List<string>();
            IPage speaker = await browser.NewPageAsync(speakerConsole);
            await speaker.GotoAsync(new Uri(server.Url, "/listen.html").ToString());
            await LoginAsync(speaker, district.Username, district.Password);
            string broadcastId = await speaker.EvaluateAsync<string>("([cluster]) => window.vanyenBroadcast.speak('Phát trực tiếp thử', [cluster])", new object[] { district.ClusterId });
            await WaitForConnectedAsync(speaker, speakerConsole);
            await Task.Delay(TimeSpan.FromSeconds(1));

            var recording = await listener.EvaluateAsync<JsonElement>("seconds => window.vanyenBroadcast.recordReceived(seconds)", (speech.Samples.Length / (double)speech.SampleRate) + 1);
            short[] heard = LoopCorrelation.ToPcm16([.. recording.GetProperty("samples").EnumerateArray().Select(sample => sample.GetDouble())]);
            int sampleRate = recording.GetProperty("sampleRate").GetInt32();
            long packets = await listener.EvaluateAsync<long>("() => window.vanyenBroadcast.packetsReceived()");
            var match = LoopCorrelation.Measure(speech.Samples, heard, sampleRate);
            var control = LoopCorrelation.Measure(SpeechMatchThresholds.Reversed(speech.Samples), heard, sampleRate);
            output.WriteLine($"broadcast {broadcastId}: listener got {packets} packets; {match}; control (reversed): {control}");
            Assert.True(packets > 100, $"the listener received only {packets} packets\n{string.Join('\n', listenerConsole)}");
            SpeechMatchThresholds.AssertMatches(match, control, "at the cluster's browser receiver");

            await speaker.EvaluateAsync("() => window.vanyenBroadcast.stop()");
            JsonElement changes = await speaker.EvaluateAsync<JsonElement>("() => window.vanyenBroadcast.changes");
            output.WriteLine($"BroadcastChanged pushes seen by the announcer: {changes}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(district.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task ASpeakerPageWithItsReceiverTokenConnectsToItsClusterAndOtherTokensAreRefused()
    {
        var speech = await SpeechFile.GetAsync();
        var district = await StreamsTestDistrict.CreateAsync();
        try
        {
            await using var server = await ServerProcess.StartAsync(district.DataDirectory, "--VanYen:SeedDemo=false");
            await using var browser = await Chromium.LaunchAsync(speech.Path);
            var console = new List<string>();
            IPage refused = await browser.NewPageAsync(console);
            await refused.GotoAsync(new Uri(server.Url, "/listen.html").ToString());
            string error = await refused.EvaluateAsync<string>(
                "async ([cluster, token]) => { try { await window.vanyenBroadcast.listen(cluster, token); return 'accepted'; } catch (e) { return String(e.message ?? e); } }",
                new object[] { district.ClusterId, "not-a-receiver-secret" });
            Assert.Contains("401 Unauthorized", error, StringComparison.Ordinal);

            IPage listener = await browser.NewPageAsync(console);
            await listener.GotoAsync(new Uri(server.Url, "/listen.html").ToString());
            await listener.EvaluateAsync("([cluster, token]) => window.vanyenBroadcast.listen(cluster, token)", new object[] { district.ClusterId, district.ReceiverToken });
            await WaitForConnectedAsync(listener, console);
            output.WriteLine($"refused: {error}; the speaker page connected over WebRTC");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(district.DataDirectory, recursive: true);
        }
    }

    private static async Task LoginAsync(IPage page, string username, string password)
    {
        int status = await page.EvaluateAsync<int>(
            "async ([username, password]) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) })).status",
            new object[] { username, password });
        Assert.InRange(status, 200, 299);
    }

    private static async Task WaitForConnectedAsync(IPage page, List<string> console)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => window.vanyenBroadcast?.pc?.connectionState === 'connected' || window.vanyenBroadcast?.lastError",
                null,
                new PageWaitForFunctionOptions { Timeout = (float)Timeout.TotalMilliseconds, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"not connected after {Timeout}\n{string.Join('\n', console)}");
        }

        string? error = await page.EvaluateAsync<string?>("() => window.vanyenBroadcast.lastError ?? null");
        Assert.True(error is null, $"the page reports: {error}\n{string.Join('\n', console)}");
    }
}
