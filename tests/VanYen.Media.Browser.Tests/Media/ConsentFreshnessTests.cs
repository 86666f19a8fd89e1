using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Browser.Tests.Media;

/// <summary>
/// Chromium sends consent checks every few seconds and drops a call whose checks go unanswered for
/// 30 s (RFC 7675 §5.1): a call must outlive that. Runs beside the <see cref="CallsCollection"/> (it only waits).
/// </summary>
public class ConsentFreshnessTests
{
    [Fact]
    public async Task CallIsStillConnectedAndReceivingAfter40Seconds()
    {
        var speech = await SpeechFile.GetAsync();
        await using var server = await ServerProcess.StartAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        var page = await CallPage.OpenAsync(browser, server.Url, "/echo.html");

        await page.ClickAsync("start");
        await page.WaitForConnectedAsync(TimeSpan.FromSeconds(20));
        var connectedAt = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(35));
        long at35Seconds = await page.PacketsReceivedAsync();
        await Task.Delay(connectedAt + TimeSpan.FromSeconds(40) - DateTime.UtcNow);
        long at40Seconds = await page.PacketsReceivedAsync();

        Assert.Equal("connected", await page.ConnectionStateAsync());
        Assert.True(at40Seconds - at35Seconds >= 100, $"only {at40Seconds - at35Seconds} packets between 35 s and 40 s");
        Assert.Null(await page.LastErrorAsync());
    }
}
