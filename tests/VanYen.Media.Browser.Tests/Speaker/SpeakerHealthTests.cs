using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Dashboard;
using VanYen.Media.Browser.Tests.Media;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Speaker;

/// <summary>
/// A speaker page is a receiver like any other on the dashboard: never connected until it opens, online while it
/// is, playing the live bulletin of its cluster (its own report, with its loss), offline once the page is closed.
/// </summary>
[Collection(CallsCollection.Name)]
public class SpeakerHealthTests(ITestOutputHelper output)
{
    private const string Title = "Bản tin thử sức khoẻ loa trình duyệt";

    [Fact]
    public async Task TheDashboardShowsASpeakerPageOnlinePlayingTheLiveBulletinAndOfflineOnceItCloses()
    {
        await using var rig = await DistrictBrowserRig.StartAsync(1280);
        var (district, server, browser, console) = rig;
        IPage dashboard = await PageSteps.OpenDashboardAsync(browser, server, district.Username, district.Password, console);
        string receiver = $"li.receiver[data-receiver-id='{district.BrowserReceiverId}']";
        Assert.Equal("Chưa kết nối", (await dashboard.InnerTextAsync($"{receiver} .receiver-state")).Trim());

        IPage speaker = await browser.NewPageAsync(console);
        await speaker.GotoAsync(new Uri(server.Url, $"/speaker?device={district.BrowserReceiverId}&token={Uri.EscapeDataString(district.BrowserToken)}").ToString());
        await PageSteps.WaitForAsync(speaker, "() => window.vanyenSpeaker && ['playing', 'error'].includes(window.vanyenSpeaker.state())", null, "the speaker connects", console);
        Assert.Equal("playing", await speaker.EvaluateAsync<string>("() => window.vanyenSpeaker.state()"));
        if (await speaker.EvaluateAsync<bool>("() => window.vanyenSpeaker.needsGesture()"))
        {
            await speaker.ClickAsync("#start");
        }

        await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector)?.dataset.online === 'true'", receiver, "the speaker's receiver shows online", console);
        Assert.Equal("Trực tuyến", (await dashboard.InnerTextAsync($"{receiver} .receiver-state")).Trim());
        Assert.Equal(string.Empty, await dashboard.GetAttributeAsync(receiver, "data-playing"));

        IPage announcer = await browser.NewPageAsync(console);
        await announcer.GotoAsync(new Uri(server.Url, "/listen.html").ToString());
        await announcer.EvaluateAsync("([title, cluster]) => window.vanyenBroadcast.speak(title, [cluster])", new object[] { Title, district.ClusterId });
        string card = $"article.cluster-card[data-cluster-id='{district.ClusterId}']";
        await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector)?.dataset.broadcastId", card, "the cluster shows the bulletin on air", console);
        string broadcastId = (await dashboard.GetAttributeAsync(card, "data-broadcast-id"))!;

        // The page's own report (what it hears, once audio arrives) — not the cluster's state — makes it "playing".
        await PageSteps.WaitForAsync(dashboard, "([selector, id]) => document.querySelector(selector)?.dataset.playing === id", new object[] { receiver, broadcastId }, "the speaker's receiver shows it plays the bulletin", console, TimeSpan.FromSeconds(30));
        string stats = (await dashboard.InnerTextAsync($"{receiver} .receiver-stats")).Trim();
        output.WriteLine("receiver stats on the dashboard: " + stats);
        Assert.StartsWith("Đang phát", stats, StringComparison.Ordinal);
        await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector + ' .receiver-stats')?.dataset.fractionLost !== ''", receiver, "the speaker's packet loss shows", console);
        string? heartbeat = await speaker.EvaluateAsync<string?>("() => JSON.stringify(window.vanyenSpeaker.lastHeartbeat())");
        output.WriteLine("the speaker's last heartbeat: " + heartbeat);

        await speaker.CloseAsync();
        await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector)?.dataset.online === 'false'", receiver, "the speaker's receiver shows offline once its page is closed", console);
        Assert.Equal("Mất kết nối", (await dashboard.InnerTextAsync($"{receiver} .receiver-state")).Trim());
        Assert.Equal(string.Empty, await dashboard.GetAttributeAsync(receiver, "data-playing"));
        await announcer.EvaluateAsync("() => window.vanyenBroadcast.stop()");
    }
}
