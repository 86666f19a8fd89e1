using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Dashboard;
using VanYen.Media.Browser.Tests.Media;
using VanYen.Media.Browser.Tests.Testing;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Speaker;

/// <summary>
/// speaker.html on the real server: a browser holding a Browser receiver's device code plays its cluster's program,
/// shows what plays, and comes back by itself after its connection is dropped; a wrong code is refused clearly.
/// The announcer speaks live through listen.html's speak hook (Chromium's fake microphone loops a Vietnamese WAV).
/// </summary>
[Collection(CallsCollection.Name)]
public class SpeakerPageTests(ITestOutputHelper output)
{
    private const string Title = "Bản tin thử loa trình duyệt";

    [Fact]
    public async Task TheSpeakerPlaysItsClustersLiveBroadcastShowsItAndReconnectsAfterItsConnectionDrops()
    {
        await using var rig = await DistrictBrowserRig.StartAsync();
        var (district, server, browser, console) = rig;

        // The one-tap link: the code is remembered and leaves the address bar.
        IPage speaker = await browser.NewPageAsync(console);
        await speaker.GotoAsync(new Uri(server.Url, $"/speaker?device={district.BrowserReceiverId}&token={Uri.EscapeDataString(district.BrowserToken)}").ToString());
        await StartPlayingAsync(speaker, console);
        Assert.DoesNotContain("token=", speaker.Url, StringComparison.Ordinal);
        string? remembered = await speaker.EvaluateAsync<string?>("() => localStorage.getItem('vanyen.speaker.device')");
        Assert.Contains(district.BrowserToken, remembered ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(district.ClusterName, (await speaker.InnerTextAsync("#cluster-name")).Trim());

        IPage announcer = await browser.NewPageAsync(console);
        await announcer.GotoAsync(new Uri(server.Url, "/listen.html").ToString());
        await PageSteps.LoginAsync(announcer, district.Username, district.Password);
        await announcer.EvaluateAsync("([title, cluster]) => window.vanyenBroadcast.speak(title, [cluster])", new object[] { Title, district.ClusterId });

        await PageSteps.WaitForAsync(speaker, "title => document.getElementById('program-title').textContent === title", Title, "the speaker shows the live bulletin's title", console);
        string details = await speaker.InnerTextAsync("#program-details");
        Assert.Contains(district.Username, details, StringComparison.Ordinal);
        Assert.Contains("Phát trực tiếp", details, StringComparison.Ordinal);
        await AssertHearsSpeechAsync(speaker, rig.Speech, "at the speaker page");
        await speaker.ScreenshotAsync(new PageScreenshotOptions { Path = DocsScreenshots.PathOf("speaker.png"), FullPage = true });

        // The server ends a connection's sessions when it goes: the page must notice and start a new one.
        long before = await speaker.EvaluateAsync<long>("() => window.vanyenSpeaker.packetsReceived()");
        await speaker.EvaluateAsync("() => window.vanyenSpeaker.hub().stop()");
        await PageSteps.WaitForAsync(speaker, "() => window.vanyenSpeaker.state() === 'reconnecting'", null, "the speaker says it reconnects", console, TimeSpan.FromSeconds(5));
        await PageSteps.WaitForAsync(speaker, "() => window.vanyenSpeaker.state() === 'playing'", null, "the speaker plays again", console);
        await PageSteps.WaitForAsync(speaker, "async () => (await window.vanyenSpeaker.packetsReceived()) > 50", null, "packets arrive on the new session", console);
        output.WriteLine($"packets before the drop: {before}; the new session receives again");
        await AssertHearsSpeechAsync(speaker, rig.Speech, "at the speaker page after it reconnected");
    }

    [Fact]
    public async Task AWrongDeviceCodeGetsAClearVietnameseErrorAndNothingPlays()
    {
        await using var rig = await DistrictBrowserRig.StartAsync();
        var (district, server, browser, console) = rig;
        IPage speaker = await browser.NewPageAsync(console);
        await speaker.GotoAsync(new Uri(server.Url, "/speaker").ToString());
        Assert.Equal("idle", await speaker.EvaluateAsync<string>("() => window.vanyenSpeaker.state()"));

        await speaker.FillAsync("#device-id", district.BrowserReceiverId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await speaker.FillAsync("#token", "not-the-secret-of-any-receiver");
        await speaker.ClickAsync("#save");
        await PageSteps.WaitForAsync(speaker, "() => window.vanyenSpeaker.state() === 'error'", null, "the speaker refuses the code", console);

        string error = (await speaker.InnerTextAsync("#error")).Trim();
        output.WriteLine("shown: " + error);
        Assert.Contains("không đúng", error, StringComparison.Ordinal);
        Assert.True(await speaker.IsVisibleAsync("#setup"), "the form comes back so the code can be corrected");
        Assert.Null(await speaker.EvaluateAsync<string?>("() => localStorage.getItem('vanyen.speaker.device')"));
        Assert.Equal(0, await speaker.EvaluateAsync<long>("() => window.vanyenSpeaker.packetsReceived()"));
        Assert.True(await speaker.EvaluateAsync<bool>("() => window.vanyenSpeaker.hub() === null"), "no hub connection was kept");

        // The right code for another cluster's receiver kind (an IP speaker) is refused too, with its own reason.
        await speaker.FillAsync("#device-id", district.SpeakerReceiverId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await speaker.FillAsync("#token", district.SpeakerSecret);
        await speaker.ClickAsync("#save");
        await PageSteps.WaitForAsync(speaker, "() => (document.getElementById('error').textContent || '').includes('Trình duyệt')", null, "an IP speaker's code is refused", console);
    }

    [Fact]
    public async Task TheSpeakerPageHasNoHorizontalScrollAt360Pixels()
    {
        await using var rig = await DistrictBrowserRig.StartAsync(360);
        var (district, server, browser, console) = rig;
        IPage speaker = await browser.NewPageAsync(console);
        await speaker.GotoAsync(new Uri(server.Url, "/speaker").ToString());
        Assert.Equal(0, await PageSteps.HorizontalOverflowAsync(speaker));

        await speaker.FillAsync("#device-id", district.BrowserReceiverId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await speaker.FillAsync("#token", district.BrowserToken);
        await speaker.ClickAsync("#save");
        await StartPlayingAsync(speaker, console);
        Assert.Equal(0, await PageSteps.HorizontalOverflowAsync(speaker));
        await speaker.ScreenshotAsync(new PageScreenshotOptions { Path = DocsScreenshots.PathOf("speaker-phone.png"), FullPage = true });
    }

    private static async Task StartPlayingAsync(IPage speaker, List<string> console)
    {
        await PageSteps.WaitForAsync(speaker, "() => window.vanyenSpeaker && ['playing', 'error'].includes(window.vanyenSpeaker.state())", null, "the speaker connects", console);
        Assert.Equal("playing", await speaker.EvaluateAsync<string>("() => window.vanyenSpeaker.state()"));
        if (await speaker.EvaluateAsync<bool>("() => window.vanyenSpeaker.needsGesture()"))
        {
            await speaker.ClickAsync("#start");
        }
    }

    private async Task AssertHearsSpeechAsync(IPage speaker, SpeechFile speech, string where)
    {
        var recording = await speaker.EvaluateAsync<JsonElement>("seconds => window.vanyenSpeaker.recordReceived(seconds)", (speech.Samples.Length / (double)speech.SampleRate) + 1);
        short[] heard = LoopCorrelation.ToPcm16([.. recording.GetProperty("samples").EnumerateArray().Select(sample => sample.GetDouble())]);
        int sampleRate = recording.GetProperty("sampleRate").GetInt32();
        var match = LoopCorrelation.Measure(speech.Samples, heard, sampleRate);
        var control = LoopCorrelation.Measure(SpeechMatchThresholds.Reversed(speech.Samples), heard, sampleRate);
        output.WriteLine($"{where}: {match}; control (reversed): {control}");
        SpeechMatchThresholds.AssertMatches(match, control, where);
    }
}
