using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Integration.Tests.EndToEnd;
using static Microsoft.Playwright.Assertions;

namespace VanYen.Media.Browser.Tests.Console;

/// <summary>The targets tree shows only the caller's scope: a village announcer its village, the district all.</summary>
[Collection(ConsoleCollection.Name)]
public class TargetTreeTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task AVillageAnnouncerSeesOnlyItsVillageAndTheDistrictAdminSeesEveryCommune()
    {
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        var console = new List<string>();
        IPage page = await browser.NewPageAsync(console);

        await ConsolePages.SignInAsync(page, fixture, "pt.lang-hoc");
        var tree = page.Locator("#target-tree");
        await Expect(tree).ToContainTextAsync(EndToEndFixture.LangHocCluster);
        await Expect(tree).ToContainTextAsync("Cụm loa trường tiểu học Làng Hốc");
        Assert.Equal(0, await ConsolePages.ClusterRow(page, fixture.ThacCaClusterId).CountAsync());
        Assert.DoesNotContain(EndToEndFixture.ThacCaCluster, await tree.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Xã An Thịnh", await tree.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("li.tree-cluster").CountAsync());

        // Checking the village targets the area, and its clusters show as covered.
        await page.Locator("li.tree-area > label input").First.CheckAsync();
        Assert.True(await ConsolePages.ClusterRow(page, fixture.LangHocClusterId).Locator("input").IsDisabledAsync());
        string targets = await page.EvaluateAsync<string>("() => JSON.stringify(window.vanyenConsole.context.targets.get())");
        Assert.Matches(@"^\{""clusterIds"":\[\],""areaIds"":\[\d+\]\}$", targets);

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/login");

        await ConsolePages.SignInAsync(page, fixture, "admin");
        await Expect(tree).ToContainTextAsync(EndToEndFixture.ThacCaCluster);
        await Expect(tree).ToContainTextAsync(EndToEndFixture.LangHocCluster);
        await Expect(tree).ToContainTextAsync("Xã Đông Cuông");
        await Expect(tree).ToContainTextAsync("Xã Lâm Giang");
        Assert.True(await page.Locator("li.tree-cluster").CountAsync() > 10);
        await Expect(page.Locator(".cancel-all")).ToBeVisibleAsync();
        await ConsolePages.ChooseClusterAsync(page, fixture.LangHocClusterId);
        await ConsolePages.SaveScreenshotAsync(page, "console.png");
        Assert.DoesNotContain("page error", ConsolePages.Dump(console), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewerHasNoCancelButtons()
    {
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        IPage page = await browser.NewPageAsync();
        await ConsolePages.SignInAsync(page, fixture, "xem.huyen");
        await Expect(page.Locator("#target-tree")).ToContainTextAsync(EndToEndFixture.ThacCaCluster);
        Assert.Equal(0, await page.Locator(".cancel-all, .cancel-cluster").CountAsync());
    }
}
