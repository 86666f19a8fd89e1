using System.Globalization;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Media;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Dashboard;

/// <summary>
/// dashboard.html on the real server: the reference receiver comes and goes, a live broadcast shows on its cluster
/// with its starter and a moving program meter, and the audit log filters and exports what it shows.
/// </summary>
[Collection(CallsCollection.Name)]
public class DashboardPageTests(ITestOutputHelper output)
{
    private const string Title = "Thông báo tiêm chủng";

    [Fact]
    public async Task AReceiverComesOnlineAndGoesOfflineAndABroadcastShowsWithItsStarterAndAMovingMeter()
    {
        await using var rig = await DistrictBrowserRig.StartAsync(1280);
        var (district, server, browser, console) = rig;
        IPage dashboard = await PageSteps.OpenDashboardAsync(browser, server, district.Username, district.Password, console);
        string receiver = $"li.receiver[data-receiver-id='{district.SpeakerReceiverId}']";
        string card = $"article.cluster-card[data-cluster-id='{district.ClusterId}']";
        Assert.Equal("false", await dashboard.GetAttributeAsync(receiver, "data-online"));

        await using (var agent = await ReferenceReceiver.StartAsync(server, district.SpeakerReceiverId, district.SpeakerSecret))
        {
            await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector)?.dataset.online === 'true'", receiver, "the receiver shows online", console);
            Assert.Equal("1", (await dashboard.InnerTextAsync("#count-online")).Trim());

            IPage announcer = await browser.NewPageAsync(console);
            await announcer.GotoAsync(new Uri(server.Url, "/listen.html").ToString());
            await announcer.EvaluateAsync("([title, cluster]) => window.vanyenBroadcast.speak(title, [cluster])", new object[] { Title, district.ClusterId });
            await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector)?.dataset.onAir === 'true'", card, "the cluster shows on air", console);
            Assert.Equal(Title, (await dashboard.InnerTextAsync($"{card} .cluster-title")).Trim());
            Assert.Contains(district.Username, await dashboard.InnerTextAsync($"{card} .cluster-started-by"), StringComparison.Ordinal);
            Assert.Equal("1", (await dashboard.InnerTextAsync("#count-on-air")).Trim());

            // The bulletin is on air from StartLive on; the voice follows once the microphone's DTLS handshake is done.
            await PageSteps.WaitForAsync(announcer, "() => window.vanyenBroadcast.pc?.connectionState === 'connected'", null, "the announcer's microphone connects", console);
            await PageSteps.WaitForAsync(dashboard, "selector => Number(document.querySelector(selector)?.dataset.rmsDbfs) > -40", $"{card} meter.level", "the meter shows the voice", console);
            double[] levels = await SampleLevelsAsync(dashboard, $"{card} meter.level", TimeSpan.FromSeconds(4));
            output.WriteLine("program RMS dBFS seen by the meter: " + string.Join(' ', levels.Select(level => level.ToString("F0", CultureInfo.InvariantCulture))));
            Assert.True(levels.Max() > -40, $"the meter never showed the speech (max {levels.Max()} dBFS)");
            Assert.True(levels.Max() - levels.Min() > 6, $"the meter did not move (from {levels.Min()} to {levels.Max()} dBFS)");

            // The receiver's RTCP reports reach the card: a loss figure (0 % on loopback) is shown.
            await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector + ' .receiver-stats')?.dataset.fractionLost !== ''", receiver, "the receiver's packet loss shows", console);
            await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = DocsScreenshots.PathOf("dashboard.png"), FullPage = true });

            await announcer.EvaluateAsync("() => window.vanyenBroadcast.stop()");
            await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector)?.dataset.onAir === 'false'", card, "the cluster shows idle after the announcer stops", console);
        }

        await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector)?.dataset.online === 'false'", receiver, "the receiver shows offline after it stops", console);
        Assert.Equal("0", (await dashboard.InnerTextAsync("#count-online")).Trim());
    }

    [Fact]
    public async Task TheAuditListFiltersByActionAndTheCsvExportHoldsTheSameRows()
    {
        await using var rig = await DistrictBrowserRig.StartAsync(1280);
        var (district, server, browser, console) = rig;
        IPage other = await browser.NewPageAsync(console);
        await other.GotoAsync(new Uri(server.Url, "/listen.html").ToString());
        for (int i = 0; i < 2; i++)
        {
            int status = await other.EvaluateAsync<int>(
                "async username => (await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'wrong password' }) })).status",
                district.Username);
            Assert.Equal(401, status);
        }

        IPage dashboard = await PageSteps.OpenDashboardAsync(browser, server, district.Username, district.Password, console);
        await PageSteps.WaitForAsync(dashboard, "() => document.querySelectorAll('#audit-list .audit-entry').length > 2", null, "the audit list shows the logins", console);
        var actions = await ListedActionsAsync(dashboard);
        Assert.Contains("auth.login", actions);
        Assert.Contains("auth.login-failed", actions);

        await dashboard.FillAsync("#audit-action", "auth.login-failed");
        await dashboard.ClickAsync("#audit-apply");
        await PageSteps.WaitForAsync(dashboard, "() => [...document.querySelectorAll('#audit-list .audit-entry')].every(entry => entry.dataset.action === 'auth.login-failed')", null, "the list keeps only failed logins", console);
        actions = await ListedActionsAsync(dashboard);
        Assert.Equal(2, actions.Count);
        Assert.Contains("2", await dashboard.InnerTextAsync("#audit-summary"), StringComparison.Ordinal);

        IDownload download = await dashboard.RunAndWaitForDownloadAsync(() => dashboard.ClickAsync("#audit-csv"));
        string csv = await File.ReadAllTextAsync(await download.PathAsync());
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        output.WriteLine(csv);
        Assert.StartsWith("id,at,user_id,user_name,action", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains(",auth.login-failed,", line, StringComparison.Ordinal));

        // Who did it: the login name filter (case-insensitive), alone and with no match.
        await dashboard.FillAsync("#audit-action", "");
        await dashboard.FillAsync("#audit-user", "nguoi-khac");
        await dashboard.ClickAsync("#audit-apply");
        await PageSteps.WaitForAsync(dashboard, "() => document.querySelectorAll('#audit-list .audit-entry').length === 0", null, "nobody else's entries", console);
        await dashboard.FillAsync("#audit-user", district.Username.ToUpperInvariant());
        await dashboard.ClickAsync("#audit-apply");
        await PageSteps.WaitForAsync(dashboard, "() => document.querySelectorAll('#audit-list .audit-entry').length >= 3", null, "the announcer's logins and failed logins", console);
        var users = await dashboard.EvalOnSelectorAllAsync<string[]>("#audit-list .audit-entry .audit-user", "spans => spans.map(span => span.textContent)");
        Assert.All(users, user => Assert.Equal(district.Username, user));
        Assert.Contains("auth.login", await ListedActionsAsync(dashboard));
    }

    [Fact]
    public async Task TheDashboardHasNoHorizontalScrollAt360Pixels()
    {
        await using var rig = await DistrictBrowserRig.StartAsync(360);
        var (district, server, browser, console) = rig;
        IPage dashboard = await PageSteps.OpenDashboardAsync(browser, server, district.Username, district.Password, console);
        await PageSteps.WaitForAsync(dashboard, "() => document.querySelectorAll('#audit-list .audit-entry').length > 0", null, "the audit list loads", console);

        Assert.Equal(0, await PageSteps.HorizontalOverflowAsync(dashboard));
        var widths = await dashboard.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.cluster-card')].map(card => card.getBoundingClientRect().right)");
        Assert.Equal(2, widths.Length);
        Assert.All(widths, right => Assert.True(right <= 360, $"a cluster card ends at {right} px"));
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = DocsScreenshots.PathOf("dashboard-phone.png"), FullPage = true });
    }

    private static async Task<List<string>> ListedActionsAsync(IPage page) =>
        [.. await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#audit-list .audit-entry')].map(entry => entry.dataset.action)")];

    private static async Task<double[]> SampleLevelsAsync(IPage page, string meter, TimeSpan duration)
    {
        var levels = new List<double>();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration)
        {
            string? text = await page.GetAttributeAsync(meter, "data-rms-dbfs");
            levels.Add(double.Parse(text ?? "-96", CultureInfo.InvariantCulture));
            await Task.Delay(150);
        }

        return [.. levels];
    }
}
