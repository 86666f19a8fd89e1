using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Media;

/// <summary>echo.html: the browser's speech reaches the server, is decoded there, and comes back.</summary>
[Collection(CallsCollection.Name)]
public class EchoTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ServerDecodesTheBrowsersSpeechAndSendsItBack()
    {
        var speech = await SpeechFile.GetAsync();
        await using var server = await ServerProcess.StartAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        var page = await CallPage.OpenAsync(browser, server.Url, "/echo.html");

        await page.UseHeadphonesAsync();
        await page.ClickAsync("start");
        await page.WaitForConnectedAsync(TimeSpan.FromSeconds(20));
        string sessionId = await page.SessionIdAsync() ?? throw new InvalidOperationException("no session id");
        long packetsAtStart = await page.PacketsReceivedAsync();
        double receivedLevel = await page.MaxReceivedLevelAsync(TimeSpan.FromSeconds(6));
        long packetsAfter = await page.PacketsReceivedAsync();
        var (roundTrip, roundTripRate) = await page.RecordReceivedAsync((speech.Samples.Length / (double)speech.SampleRate) + 0.5);

        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(10) };
        byte[] wav = await http.GetByteArrayAsync(new Uri($"/api/echo/{Uri.EscapeDataString(sessionId)}/received.wav", UriKind.Relative));
        var (received, sampleRate) = WaveReader.Read(wav);

        Assert.Equal(48000, sampleRate);
        Assert.Equal(48000, roundTripRate);
        var atServer = LoopCorrelation.Measure(speech.Samples, received, sampleRate);
        var control = LoopCorrelation.Measure(SpeechMatchThresholds.Reversed(speech.Samples), received, sampleRate);
        var backInBrowser = LoopCorrelation.Measure(speech.Samples, roundTrip, roundTripRate);
        output.WriteLine($"server decoded {received.Length / (double)sampleRate:F2} s: {atServer}; control (source reversed): {control}");
        output.WriteLine($"browser: {packetsAfter - packetsAtStart} packets in 6 s, max received level {receivedLevel:F3} RMS; round trip recorded in the page: {backInBrowser}");

        SpeechMatchThresholds.AssertMatches(atServer, control, "at the server");
        // 50 packets a second are sent back; half of that is still clearly "audio flows" on a loaded machine.
        Assert.True(packetsAfter - packetsAtStart >= 150, $"only {packetsAfter - packetsAtStart} packets came back in 6 s (50 per second expected)");
        Assert.True(receivedLevel >= SpeechMatchThresholds.MinimumLevel, $"the audio that came back is silent (max RMS {receivedLevel:F4})");
    }
}
