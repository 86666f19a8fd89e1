using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Integration.Tests.EndToEnd;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace VanYen.Media.Browser.Tests.Console;

/// <summary>
/// Phát tin khẩn cấp: the district sends an emergency from its console; a village console (another browser, the
/// village announcer) shows the banner and its cluster's running bulletin is overridden, then comes back as the
/// engine's rules say once the emergency is stopped.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class EmergencyPanelTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ADistrictEmergencyShowsTheBannerOnTheVillageConsoleAndOverridesItsBulletin()
    {
        await fixture.SilenceBothClustersAsync();
        var speech = await SpeechFile.GetAsync();
        await using var villageBrowser = await Chromium.LaunchAsync(speech.Path);
        await using var districtBrowser = await Chromium.LaunchAsync(speech.Path);
        var console = new List<string>();
        IPage village = await villageBrowser.NewPageAsync(console);
        IPage district = await districtBrowser.NewPageAsync(console);
        await ConsolePages.SignInAsync(village, fixture, "pt.lang-hoc");
        await ConsolePages.SignInAsync(district, fixture, "admin");

        string bulletin = await ConsolePages.StartBulletinAsync(fixture, "pt.an-thinh", "Bản tin xã", fixture.LangHocClusterId, repetitions: 20);
        var villageRow = ConsolePages.ClusterRow(village, fixture.LangHocClusterId);
        await Expect(villageRow.Locator(".cluster-state")).ToHaveTextAsync("Đang phát: Bản tin xã (văn bản)");
        await Expect(village.Locator("#emergency-banner")).ToBeHiddenAsync();

        await ConsolePages.ChooseClusterAsync(district, fixture.LangHocClusterId);
        await ConsolePages.SelectTabAsync(district, "emergency");
        await district.FillAsync("#emergency-title", "Lũ quét");
        await district.FillAsync("#emergency-text", "Khẩn cấp: nước sông đang lên nhanh, người dân di chuyển lên vùng cao ngay.");
        await district.SelectOptionAsync("#emergency-repetitions", "until");
        await district.ClickAsync("#emergency-send");
        await Expect(district.Locator("#confirm-message")).ToContainTextAsync("KHẨN CẤP «Lũ quét»");
        await district.ClickAsync("#confirm-yes");
        await Expect(district.Locator("#confirm-message")).ToContainTextAsync("Xác nhận lần cuối");
        await district.ClickAsync("#confirm-yes");

        await Expect(village.Locator("#emergency-banner")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(village.Locator("#emergency-banner")).ToContainTextAsync("ĐANG PHÁT TIN KHẨN CẤP: Lũ quét");
        await Expect(villageRow).ToHaveClassAsync(new Regex("emergency"));
        await Expect(villageRow.Locator(".cluster-state")).ToHaveTextAsync("KHẨN CẤP: Lũ quét");
        string emergency = (await villageRow.GetAttributeAsync("data-broadcast-id"))!;
        var overridden = await ConsolePages.BroadcastAsync(fixture, bulletin);
        output.WriteLine($"during the emergency {emergency}, the bulletin is {overridden}");
        Assert.DoesNotContain(fixture.LangHocClusterId, overridden.GetProperty("clustersOnAir").EnumerateArray().Select(c => c.GetInt64()));
        await fixture.WaitUntilAsync(() => fixture.LangHocAgent.CurrentProgramId == emergency, TimeSpan.FromSeconds(15), "the receiver plays the emergency");
        // The village announcer may not stop the district's emergency: no stop button there.
        await ConsolePages.SelectTabAsync(village, "emergency");
        await Expect(village.Locator("#emergency-active li[data-broadcast-id]")).ToHaveCountAsync(1);
        Assert.Equal(0, await village.Locator("#emergency-active .emergency-stop").CountAsync());
        Assert.True(await villageRow.Locator(".cancel-cluster").IsHiddenAsync(), "the village may not cancel the district's emergency");

        await district.Locator($"#emergency-active li[data-broadcast-id='{emergency}'] .emergency-stop").ClickAsync();
        await district.ClickAsync("#confirm-yes");
        await Expect(village.Locator("#emergency-banner")).ToBeHiddenAsync(new() { Timeout = 15_000 });

        // What follows is the engine's rule (a preempted bulletin resumes or has ended): the console shows what the API says.
        await fixture.WaitUntilAsync(async () => (await ConsolePages.BroadcastAsync(fixture, emergency)).GetProperty("state").GetString() == "ended", "the emergency ended");
        var after = await ConsolePages.BroadcastAsync(fixture, bulletin);
        output.WriteLine($"after the emergency, the bulletin is {after}");
        bool resumed = after.GetProperty("state").GetString() == "onAir"
            && after.GetProperty("clustersOnAir").EnumerateArray().Any(c => c.GetInt64() == fixture.LangHocClusterId);
        await Expect(villageRow.Locator(".cluster-state")).ToHaveTextAsync(resumed ? "Đang phát: Bản tin xã (văn bản)" : "Đang nghỉ");
        await Expect(villageRow).Not.ToHaveClassAsync(new Regex("emergency"));
        Assert.DoesNotContain("page error", ConsolePages.Dump(console), StringComparison.Ordinal);
        await fixture.SilenceBothClustersAsync();
    }
}
