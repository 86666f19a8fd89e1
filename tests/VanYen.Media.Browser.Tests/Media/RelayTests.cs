using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Media;

/// <summary>relay.html: a listener hears the publisher's audio, forwarded without transcoding.</summary>
[Collection(CallsCollection.Name)]
public class RelayTests(ITestOutputHelper output)
{
    /// <summary>One Opus generation, as in <see cref="EchoTests"/>; forwarding adds no second one.</summary>
    private const double MinimumCorrelation = 0.6;

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
        await publisher.ClickAsync("publish");
        await publisher.WaitForConnectedAsync(TimeSpan.FromSeconds(20));
        await listener.Page.FillAsync("#room", room);
        await listener.ClickAsync("listen");
        await listener.WaitForConnectedAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (recording, sampleRate) = await listener.RecordReceivedAsync((2 * speech.Samples.Length / (double)speech.SampleRate) + 0.5);
        long packets = await listener.PacketsReceivedAsync();

        Assert.Equal(48000, sampleRate);
        var (correlation, shift) = LoopCorrelation.Best(speech.Samples, recording, recording.Length - speech.Samples.Length - (sampleRate / 10));
        output.WriteLine($"listener: {packets} packets, recording of {recording.Length / (double)sampleRate:F2} s, RMS {AudioSimilarityRms(recording):F0}; correlation with the publisher's source {correlation:F3} (shift {shift})");
        Assert.True(packets > 100, $"the listener received only {packets} packets\n{listener.Console}");
        Assert.True(correlation >= MinimumCorrelation, $"correlation {correlation:F3} < {MinimumCorrelation}\n{publisher.Console}\n{listener.Console}");
    }

    private static double AudioSimilarityRms(short[] samples) => VanYen.Media.Engine.Tests.Audio.Codec.AudioSimilarity.Rms(samples);
}
