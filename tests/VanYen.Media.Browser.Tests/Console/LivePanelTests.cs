using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Integration.Tests.EndToEnd;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace VanYen.Media.Browser.Tests.Console;

/// <summary>
/// Phát trực tiếp: a village announcer holds the talk button with Chromium's fake microphone (the Vietnamese
/// sentence); the cluster's reference receiver and the cluster's browser speaker page (/speaker) both hear it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class LivePanelTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task HoldingTalkPutsTheMicrophoneOnTheClusterAndTheOnAirLightWaitsForTheReceiver()
    {
        await fixture.SilenceBothClustersAsync();
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        var console = new List<string>();
        IPage announcer = await browser.NewPageAsync(console);
        await ConsolePages.SignInAsync(announcer, fixture, "pt.lang-hoc");

        // The browser speaker (/speaker) of the cluster: a Browser receiver made for this test, its one-tap link.
        (long speakerId, string speakerToken) = await CreateBrowserSpeakerAsync();
        IPage listener = await browser.NewPageAsync(console);
        await listener.GotoAsync(new Uri(fixture.Server.Url, $"/speaker?device={speakerId}&token={Uri.EscapeDataString(speakerToken)}").ToString());
        await listener.WaitForFunctionAsync("() => window.vanyenSpeaker && window.vanyenSpeaker.state() === 'playing'", null, new() { Timeout = 20_000 });
        if (await listener.EvaluateAsync<bool>("() => window.vanyenSpeaker.needsGesture()"))
        {
            await listener.ClickAsync("#start");
        }

        await ConsolePages.ChooseClusterAsync(announcer, fixture.LangHocClusterId);
        await Expect(announcer.Locator("#live-on-air")).ToHaveAttributeAsync("data-phase", "off");
        int firstFrame = fixture.LangHocAgent.GetPlayedFrames().Count;
        var talk = announcer.Locator("#live-talk");
        await talk.HoverAsync();
        await announcer.Mouse.DownAsync();
        await announcer.WaitForFunctionAsync(
            "() => window.vanyenLive.pc?.connectionState === 'connected' || window.vanyenLive.lastError",
            null,
            new() { Timeout = 20_000, PollingInterval = 100 });
        Assert.Null(await announcer.EvaluateAsync<string?>("() => window.vanyenLive.lastError"));
        string broadcastId = await announcer.EvaluateAsync<string>("() => window.vanyenLive.broadcastId");
        await Expect(talk).ToHaveAttributeAsync("aria-pressed", "true");

        double seconds = (2 * speech.Samples.Length / (double)speech.SampleRate) + 1;
        var recording = await listener.EvaluateAsync<JsonElement>("seconds => window.vanyenSpeaker.recordReceived(seconds)", seconds);

        // The light turns on only when a receiver's heartbeat says it plays this broadcast (pushed every 5 s): the
        // browser speaker's or the reference receiver's, whichever reports first; both come to play it.
        await Expect(announcer.Locator("#live-on-air")).ToHaveAttributeAsync("data-phase", "lit", new() { Timeout = 15_000 });
        await Expect(announcer.Locator("#live-on-air")).ToContainTextAsync("ĐANG LÊN SÓNG");
        await fixture.WaitUntilAsync(() => Task.FromResult(fixture.LangHocAgent.CurrentProgramId == broadcastId), "the reference receiver plays the live broadcast");
        await Expect(ConsolePages.ClusterRow(announcer, fixture.LangHocClusterId).Locator(".cluster-state")).ToContainTextAsync("Đang phát");

        await announcer.Mouse.UpAsync();
        await Expect(talk).ToHaveAttributeAsync("aria-pressed", "false");
        await fixture.WaitUntilAsync(async () => (await ConsolePages.BroadcastAsync(fixture, broadcastId)).GetProperty("state").GetString() == "ended", "the live broadcast ended on release");
        await EndToEndFixture.WaitForNoPacketsAsync(fixture.LangHocAgent);
        await listener.CloseAsync();
        using (HttpClient admin = await fixture.ClientForAsync("admin"))
        {
            // The shared demo district keeps one receiver per cluster for the other tests.
            (await admin.DeleteAsync($"/api/receivers/{speakerId}")).EnsureSuccessStatusCode();
        }

        short[] heard = LoopCorrelation.ToPcm16([.. recording.GetProperty("samples").EnumerateArray().Select(sample => sample.GetDouble())]);
        int sampleRate = recording.GetProperty("sampleRate").GetInt32();
        var browserMatch = ConsolePages.BestPeriod(speech.Samples, heard, sampleRate);
        var browserControl = ConsolePages.BestPeriod(SpeechMatchThresholds.Reversed(speech.Samples), heard, sampleRate);
        short[] played = ProgramAudio.PlayedSince(fixture.LangHocAgent, firstFrame);
        var receiverMatch = ConsolePages.BestPeriod(speech.Samples, played, 48000);
        var receiverControl = ConsolePages.BestPeriod(SpeechMatchThresholds.Reversed(speech.Samples), played, 48000);
        output.WriteLine($"broadcast {broadcastId}: browser {browserMatch} (control {browserControl}); receiver played {played.Length / 48000.0:0.0} s, {receiverMatch} (control {receiverControl})");
        SpeechMatchThresholds.AssertMatches(browserMatch, browserControl, "at the browser speaker of the cluster");
        SpeechMatchThresholds.AssertMatches(receiverMatch, receiverControl, "at the cluster's reference receiver");
        Assert.DoesNotContain("page error", ConsolePages.Dump(console), StringComparison.Ordinal);
    }

    private async Task<(long Id, string Token)> CreateBrowserSpeakerAsync()
    {
        using HttpClient admin = await fixture.ClientForAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/receivers", new { clusterId = fixture.LangHocClusterId, name = "Loa trình duyệt thử", kind = "browser" });
        response.EnsureSuccessStatusCode();
        JsonElement created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("receiver").GetProperty("id").GetInt64(), created.GetProperty("secret").GetString()!);
    }

    [Fact]
    public async Task TalkingWithoutATargetSaysWhatToDoInVietnamese()
    {
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        IPage page = await browser.NewPageAsync();
        await ConsolePages.SignInAsync(page, fixture, "pt.lang-hoc");
        await ConsolePages.SelectTabAsync(page, "live");
        await page.CheckAsync("input[name=live-mode][value=toggle]");
        await page.ClickAsync("#live-talk");
        await Expect(page.Locator("#live-error")).ToHaveTextAsync("Hãy chọn nơi phát (cụm loa, thôn hoặc xã) ở cây bên cạnh.");
        await Expect(page.Locator("#live-on-air")).ToHaveAttributeAsync("data-phase", "off");
    }

    [Fact]
    public async Task ADeniedMicrophoneIsExplainedInVietnamese()
    {
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        IPage page = await browser.NewPageAsync();
        // The fake-UI flag grants every request: the page gets the refusal a user's "Block" gives.
        await page.AddInitScriptAsync("navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));");
        await ConsolePages.SignInAsync(page, fixture, "pt.lang-hoc");
        await ConsolePages.SelectTabAsync(page, "live");
        await page.ClickAsync("#live-mic");
        await Expect(page.Locator("#live-error")).ToContainTextAsync("Chưa được phép dùng micro");
    }
}
