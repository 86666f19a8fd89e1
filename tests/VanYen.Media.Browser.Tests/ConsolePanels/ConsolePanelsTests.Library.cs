using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Browser.Tests.ConsolePanels;

public sealed partial class ConsolePanelsTests
{
    [Fact]
    public async Task AnUploadedFileReachesFullProgressAndBroadcastsToTheCluster()
    {
        await fixture.SilenceAsync();
        await using var browser = await Chromium.LaunchAsync(fixture.Speech.Path);
        var console = new List<string>();
        IPage page = await fixture.OpenPanelAsync(browser, "library", console);
        string name = "Thông báo tải lên " + Guid.NewGuid().ToString("N")[..6];
        await page.SetInputFilesAsync(".panel-library input[type=file]", fixture.Speech.Path);
        await page.FillAsync(".panel-library form.upload input[type=text]", name);
        await page.ClickAsync(".panel-library form.upload button[type=submit]");
        ILocator row = page.Locator(".library-item", new PageLocatorOptions { HasText = name });
        await ConsolePanelsFixture.WaitForAsync(page, row, console, 30000);
        double progress = await page.EvaluateAsync<double>("() => document.querySelector('.panel-library progress.upload-progress').value");
        output.WriteLine($"upload progress bar at {progress} %");
        Assert.Equal(100, progress);

        await fixture.ChooseClusterAsync(page);
        int firstFrame = fixture.Receiver.GetPlayedFrames().Count;
        await row.Locator("button[data-action=broadcast]").ClickAsync();
        await row.Locator("button[data-action=send]").ClickAsync();
        await page.WaitForSelectorAsync(".panel-library .panel-status[data-kind='success']", new PageWaitForSelectorOptions { Timeout = 20000 });
        JsonElement started = (await fixture.ListBroadcastsAsync()).First(view => view.GetProperty("title").GetString() == name);
        string id = started.GetProperty("id").GetString()!;
        await ConsolePanelsFixture.WaitUntilAsync(async () => ConsolePanelsFixture.State(await fixture.GetBroadcastAsync(id)) == "ended", "the file bulletin ends", 40);
        await Task.Delay(500);

        short[] heard = ReferenceReceiver.PlayedSince(fixture.Receiver, firstFrame);
        var match = ConsolePanelsFixture.MatchOnce(fixture.Speech.Samples, heard, fixture.Speech.SampleRate);
        var control = ConsolePanelsFixture.MatchOnce(SpeechMatchThresholds.Reversed(fixture.Speech.Samples), heard, fixture.Speech.SampleRate);
        output.WriteLine($"the receiver played {heard.Length / 48000.0:F2} s of '{name}': {match}; control {control}");
        double arrived = ConsolePanelsFixture.ArrivedFraction(fixture.Speech.Samples, heard);
        output.WriteLine($"arrived: {arrived:P0} of the source's length");
        Assert.True(arrived > 0.6, $"only {arrived:P0} of the bulletin arrived at the receiver");
        SpeechMatchThresholds.AssertMatches(match, control, "at the cluster's reference receiver");
    }

    [Fact]
    public async Task ALibraryItemIsRenamedAndDeleted()
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(fixture.Speech.Path));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("audio/wav");
        content.Add(file, "file", "speech.wav");
        string original = "Bản tin cũ " + Guid.NewGuid().ToString("N")[..6];
        content.Add(new StringContent(original), "name");
        using var uploaded = await fixture.Api.PostAsync("/api/library", content);
        uploaded.EnsureSuccessStatusCode();
        long itemId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await using var browser = await Chromium.LaunchAsync(fixture.Speech.Path);
        var console = new List<string>();
        IPage page = await fixture.OpenPanelAsync(browser, "library", console);
        ILocator row = page.Locator($".library-item[data-item-id='{itemId}']");
        await row.Locator("button[data-action=rename]").ClickAsync();
        string renamed = "Bản tin đã đổi tên " + Guid.NewGuid().ToString("N")[..6];
        await row.Locator("form.rename input").FillAsync(renamed);
        await row.Locator("button[data-action=save-name]").ClickAsync();
        await page.Locator($".library-item[data-item-id='{itemId}'] .item-name", new PageLocatorOptions { HasText = renamed }).WaitForAsync();
        Assert.Equal(renamed, (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/library/{itemId}")).GetProperty("name").GetString());

        await page.Locator($".library-item[data-item-id='{itemId}'] button[data-action=delete]").ClickAsync();
        await page.ClickAsync("#harness-dialog button[data-action=confirm-yes]");
        await page.Locator($".library-item[data-item-id='{itemId}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        using var gone = await fixture.Api.GetAsync($"/api/library/{itemId}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        output.WriteLine($"item {itemId}: '{original}' → '{renamed}' → deleted");
    }

    [Fact]
    public async Task ARecordingFromTheMicrophoneIsSavedToTheLibrary()
    {
        await using var browser = await Chromium.LaunchAsync(fixture.Speech.Path);
        var console = new List<string>();
        IPage page = await fixture.OpenPanelAsync(browser, "record", console);
        await page.ClickAsync("button[data-action=record]");
        double seconds = (2.0 * fixture.Speech.Samples.Length / fixture.Speech.SampleRate) + 1;
        await page.WaitForFunctionAsync("() => document.querySelector('.panel-record meter').value > 0.05", null, new PageWaitForFunctionOptions { Timeout = 10000 });
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        await page.ClickAsync("button[data-action=stop]");
        await page.WaitForFunctionAsync("() => { const a = document.querySelector('.panel-record audio'); return a && !a.hidden && a.src; }", null, new PageWaitForFunctionOptions { Timeout = 10000 });
        string name = "Ghi âm thử " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync(".panel-record .record-save input", name);
        await page.ClickAsync("button[data-action=save]");
        await page.WaitForSelectorAsync(".panel-record .panel-status[data-kind='success']", new PageWaitForSelectorOptions { Timeout = 30000 });

        JsonElement item = (await fixture.Api.GetFromJsonAsync<JsonElement>("/api/library")).EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);
        byte[] ogg = await fixture.Api.GetByteArrayAsync($"/api/library/{item.GetProperty("id").GetInt64()}/audio");
        short[] stored = await DecodeAsync(ogg);
        var match = LoopCorrelation.Measure(fixture.Speech.Samples, stored, 48000);
        var control = LoopCorrelation.Measure(SpeechMatchThresholds.Reversed(fixture.Speech.Samples), stored, 48000);
        output.WriteLine($"recorded {seconds:F1} s, stored as {item.GetProperty("originalFormat").GetString()} {stored.Length / 48000.0:F2} s: {match}; control {control}");
        SpeechMatchThresholds.AssertMatches(match, control, "in the library item");
    }

    /// <summary>Any audio file → 48 kHz mono 16-bit samples, by ffmpeg.</summary>
    private static async Task<short[]> DecodeAsync(byte[] file)
    {
        string input = Path.GetTempFileName();
        string wav = input + ".wav";
        try
        {
            await File.WriteAllBytesAsync(input, file);
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "-v", "error", "-y", "-i", input, "-ar", "48000", "-ac", "1", "-sample_fmt", "s16", wav })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            string errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "ffmpeg could not decode the stored audio: " + errors);
            return WaveReader.Read(await File.ReadAllBytesAsync(wav)).Samples;
        }
        finally
        {
            File.Delete(input);
            File.Delete(wav);
        }
    }
}
