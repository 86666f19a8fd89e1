using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Integration.Tests.EndToEnd;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace VanYen.Media.Browser.Tests.Console;

/// <summary>Huỷ tin đang phát: the per-cluster button and the one for everything in scope stop what plays.</summary>
[Collection(ConsoleCollection.Name)]
public class ClusterCancelTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task TheClustersCancelButtonEndsTheBulletinAndSilencesItsReceiver()
    {
        await fixture.SilenceBothClustersAsync();
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        IPage page = await browser.NewPageAsync();
        await ConsolePages.SignInAsync(page, fixture, "admin");
        var row = ConsolePages.ClusterRow(page, fixture.LangHocClusterId);
        await Expect(row.Locator(".cancel-cluster")).ToBeHiddenAsync();

        string id = await ConsolePages.StartBulletinAsync(fixture, "admin", "Bản tin thử huỷ", fixture.LangHocClusterId, repetitions: 10);
        await Expect(row.Locator(".cluster-state")).ToHaveTextAsync("Đang phát: Bản tin thử huỷ (văn bản)");
        await fixture.WaitUntilAsync(() => fixture.LangHocAgent.ReceivedPackets > 0 && fixture.LangHocAgent.CurrentProgramId == id, TimeSpan.FromSeconds(15), "the receiver plays the bulletin");

        await row.Locator(".cancel-cluster").ClickAsync();
        await fixture.WaitUntilAsync(async () => (await ConsolePages.BroadcastAsync(fixture, id)).GetProperty("state").GetString() == "ended", "the bulletin ended");
        var ended = await ConsolePages.BroadcastAsync(fixture, id);
        Assert.Equal("cancelled", ended.GetProperty("endReason").GetString());
        await EndToEndFixture.WaitForNoPacketsAsync(fixture.LangHocAgent);
        await Expect(row.Locator(".cluster-state")).ToHaveTextAsync("Đang nghỉ");
        await Expect(row.Locator(".cancel-cluster")).ToBeHiddenAsync();
        output.WriteLine($"bulletin {id}: {ended}");
    }

    [Fact]
    public async Task CancelEverythingInScopeAsksFirstThenStopsBothVillages()
    {
        await fixture.SilenceBothClustersAsync();
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        IPage page = await browser.NewPageAsync();
        await ConsolePages.SignInAsync(page, fixture, "pt.an-thinh");
        string first = await ConsolePages.StartBulletinAsync(fixture, "pt.an-thinh", "Bản tin Làng Hốc", fixture.LangHocClusterId, repetitions: 10);
        string second = await ConsolePages.StartBulletinAsync(fixture, "pt.an-thinh", "Bản tin Thác Cá", fixture.ThacCaClusterId, repetitions: 10);
        await Expect(ConsolePages.ClusterRow(page, fixture.ThacCaClusterId)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("on-air"));

        await page.ClickAsync(".cancel-all");
        await Expect(page.Locator("#confirm-dialog")).ToBeVisibleAsync();
        await page.ClickAsync("#confirm-no");
        await Expect(page.Locator("#confirm-dialog")).ToBeHiddenAsync();
        Assert.Equal("onAir", (await ConsolePages.BroadcastAsync(fixture, first)).GetProperty("state").GetString());

        await page.ClickAsync(".cancel-all");
        await page.ClickAsync("#confirm-yes");
        await fixture.WaitUntilAsync(
            async () => (await ConsolePages.BroadcastAsync(fixture, first)).GetProperty("state").GetString() == "ended"
                && (await ConsolePages.BroadcastAsync(fixture, second)).GetProperty("state").GetString() == "ended",
            "both bulletins ended");
        await EndToEndFixture.WaitForNoPacketsAsync(fixture.LangHocAgent);
        await EndToEndFixture.WaitForNoPacketsAsync(fixture.ThacCaAgent);
        await Expect(page.Locator("li.tree-cluster.on-air")).ToHaveCountAsync(0);
    }
}
