using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Media;

/// <summary>echo.html: the browser's speech reaches the server, is decoded there, and comes back.</summary>
[Collection(CallsCollection.Name)]
public class EchoTests(ITestOutputHelper output)
{
    /// <summary>
    /// One Opus generation (Chromium's encoder at its default speech bitrate, our decoder) keeps the
    /// waveform close to the source; the control below (the same sentence reversed in time: same
    /// spectrum and energy, different waveform) shows where chance correlation lies.
    /// </summary>
    private const double MinimumServerCorrelation = 0.6;

    private const double MaximumControlCorrelation = 0.35;

    /// <summary>-40 dBFS: the sentence is spoken at about -20 dBFS; silence (or comfort noise) is far below.</summary>
    private const double MinimumReceivedLevel = 0.01;

    [Fact]
    public async Task ServerDecodesTheBrowsersSpeechAndSendsItBack()
    {
        var speech = await SpeechFile.GetAsync();
        await using var server = await ServerProcess.StartAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        var page = await CallPage.OpenAsync(browser, server.Url, "/echo.html");

        await page.ClickAsync("start");
        await page.WaitForConnectedAsync(TimeSpan.FromSeconds(20));
        string sessionId = await page.SessionIdAsync() ?? throw new InvalidOperationException("no session id");
        long packetsAtStart = await page.PacketsReceivedAsync();
        double receivedLevel = await page.MaxReceivedLevelAsync(TimeSpan.FromSeconds(6.5));
        long packetsAfter = await page.PacketsReceivedAsync();
        var (roundTrip, roundTripRate) = await page.RecordReceivedAsync(speech.Samples.Length / (double)speech.SampleRate + 0.5);

        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(10) };
        byte[] wav = await http.GetByteArrayAsync(new Uri($"/api/echo/{Uri.EscapeDataString(sessionId)}/received.wav", UriKind.Relative));
        var (received, sampleRate) = WaveReader.Read(wav);

        Assert.Equal(48000, sampleRate);
        int from = received.Length - speech.Samples.Length - (sampleRate / 10);
        var (correlation, shift) = LoopCorrelation.Best(speech.Samples, received, from);
        var (control, _) = LoopCorrelation.Best(Reversed(speech.Samples), received, from);
        var (roundTripCorrelation, _) = LoopCorrelation.Best(speech.Samples, roundTrip, roundTrip.Length - speech.Samples.Length);
        output.WriteLine($"server received {received.Length / (double)sampleRate:F2} s; correlation with the source {correlation:F3} (shift {shift}), control (reversed source) {control:F3}");
        output.WriteLine($"browser: {packetsAfter - packetsAtStart} packets in 6.5 s, max received level {receivedLevel:F4} RMS; round trip (two Opus generations, recorded in the page at {roundTripRate} Hz) correlation {roundTripCorrelation:F3}");

        Assert.True(correlation >= MinimumServerCorrelation, $"server-side correlation {correlation:F3} < {MinimumServerCorrelation}\n{page.Console}");
        Assert.True(control <= MaximumControlCorrelation, $"control correlation {control:F3} > {MaximumControlCorrelation}: the measure does not discriminate");
        Assert.True(packetsAfter - packetsAtStart >= 250, $"only {packetsAfter - packetsAtStart} packets came back in 6.5 s (50 per second expected)");
        Assert.True(receivedLevel >= MinimumReceivedLevel, $"the audio that came back is silent (max RMS {receivedLevel:F4})");
    }

    private static short[] Reversed(short[] samples)
    {
        var reversed = (short[])samples.Clone();
        Array.Reverse(reversed);
        return reversed;
    }
}
