using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Browser.Tests.ConsolePanels;

public sealed partial class ConsolePanelsTests
{
    [Fact]
    public async Task TtsPreviewPlaysSpeechAndBroadcastNowIsHeardOnTheChosenCluster()
    {
        await fixture.SilenceAsync();
        await using var browser = await Chromium.LaunchAsync(fixture.Speech.Path);
        var console = new List<string>();
        IPage page = await fixture.OpenPanelAsync(browser, "tts", console);
        string limit = await page.Locator(".panel-tts .tts-text + small").InnerTextAsync();
        Assert.Contains("20000", limit.Replace(".", "", StringComparison.Ordinal), StringComparison.Ordinal);

        await page.FillAsync(".panel-tts textarea", SpeechFile.Sentence);
        await page.ClickAsync(".panel-tts button[data-action=preview]");
        await page.WaitForFunctionAsync("() => { const a = document.querySelector('.panel-tts audio'); return a && !a.hidden && a.duration > 0; }", null, new PageWaitForFunctionOptions { Timeout = 30000 });
        double duration = await page.EvaluateAsync<double>("() => document.querySelector('.panel-tts audio').duration");
        string wavBase64 = await page.EvaluateAsync<string>(
            """
            async () => {
              const bytes = new Uint8Array(await (await fetch(document.querySelector('.panel-tts audio').src)).arrayBuffer());
              let text = '';
              for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
              return btoa(text);
            }
            """);
        var (preview, sampleRate) = WaveReader.Read(Convert.FromBase64String(wavBase64));
        double previewRms = Math.Sqrt(preview.Average(sample => (double)sample * sample)) / 32768;
        output.WriteLine($"preview: {duration:F2} s in the <audio>, {preview.Length} samples at {sampleRate} Hz, RMS {previewRms:F3}");
        Assert.True(duration > 1, $"the preview lasts {duration} s");
        Assert.True(previewRms > 0.01, $"the preview is silent (RMS {previewRms})");

        await fixture.ChooseClusterAsync(page);
        int firstFrame = fixture.Receiver.GetPlayedFrames().Count;
        await page.ClickAsync(".panel-tts button[data-action=send]");
        await page.WaitForSelectorAsync(".panel-tts .panel-status[data-kind='success']", new PageWaitForSelectorOptions { Timeout = 20000 });

        JsonElement started = (await fixture.ListBroadcastsAsync()).First(view => view.GetProperty("sourceKind").GetString() == "tts");
        string id = started.GetProperty("id").GetString()!;
        await ConsolePanelsFixture.WaitUntilAsync(
            async () => (await fixture.GetBroadcastAsync(id)).GetProperty("clustersOnAir").EnumerateArray().Any(c => c.GetInt64() == fixture.District.ClusterId),
            "the TTS bulletin is on air on the cluster");
        await ConsolePanelsFixture.WaitUntilAsync(async () => ConsolePanelsFixture.State(await fixture.GetBroadcastAsync(id)) == "ended", "the TTS bulletin ends", 40);
        await Task.Delay(500);

        short[] heard = ReferenceReceiver.PlayedSince(fixture.Receiver, firstFrame);
        var match = ConsolePanelsFixture.MatchOnce(preview, heard, sampleRate);
        var control = ConsolePanelsFixture.MatchOnce(SpeechMatchThresholds.Reversed(preview), heard, sampleRate);
        output.WriteLine($"the receiver played {heard.Length / 48000.0:F2} s: {match}; control (reversed) {control}");
        double arrived = ConsolePanelsFixture.ArrivedFraction(preview, heard);
        output.WriteLine($"arrived: {arrived:P0} of the source's length");
        Assert.True(arrived > 0.6, $"only {arrived:P0} of the bulletin arrived at the receiver");
        SpeechMatchThresholds.AssertMatches(match, control, "at the cluster's reference receiver");
    }
}
