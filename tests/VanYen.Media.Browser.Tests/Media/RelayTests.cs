using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Media;

/// <summary>relay.html: a listener hears the publisher's audio, forwarded without transcoding.</summary>
[Collection(CallsCollection.Name)]
public class RelayTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ListenerHearsThePublishersSpeech()
    {
        var speech = await SpeechFile.GetAsync();
        await using var server = await ServerProcess.StartAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        string room = "relay-" + Guid.NewGuid().ToString("N")[..8];
        var publisher = await CallPage.OpenAsync(browser, server.Url, "/relay.html");
        var listener = await CallPage.OpenAsync(browser, server.Url, "/relay.html");

        await publisher.Page.FillAsync("#room", room);
        await publisher.UseHeadphonesAsync();
        await publisher.ClickAsync("publish");
        await publisher.WaitForConnectedAsync(TimeSpan.FromSeconds(20));
        await listener.Page.FillAsync("#room", room);
        await listener.ClickAsync("listen");
        await listener.WaitForConnectedAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (recording, sampleRate) = await listener.RecordReceivedAsync((speech.Samples.Length / (double)speech.SampleRate) + 1);
        long packets = await listener.PacketsReceivedAsync();

        Assert.Equal(48000, sampleRate);
        var match = LoopCorrelation.Measure(speech.Samples, recording, sampleRate);
        var control = LoopCorrelation.Measure(SpeechMatchThresholds.Reversed(speech.Samples), recording, sampleRate);
        output.WriteLine($"listener: {packets} packets, recorded {recording.Length / (double)sampleRate:F2} s in the page: {match}; control (source reversed): {control}");
        Assert.True(packets > 100, $"the listener received only {packets} packets\n{listener.Console}");
        SpeechMatchThresholds.AssertMatches(match, control, "at the listener");
    }
}
