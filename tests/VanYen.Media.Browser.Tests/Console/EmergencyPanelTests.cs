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
/// engine's rules say once the emergency is stopped; spoken live instead, the district's voice (after the chime) is what
/// the village's cluster plays.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class EmergencyPanelTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ADistrictEmergencyShowsTheBannerOnTheVillageConsoleAndOverridesItsBulletin()
    {
        await fixture.SilenceBothClustersAsync();
        await using var consoles = await VillageAndDistrictConsoles.SignInAsync(fixture);
        (IPage village, IPage district, List<string> console) = (consoles.Village, consoles.District, consoles.Console);

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

    [Fact]
    public async Task ADistrictEmergencySpokenLiveIsHeardOnTheVillageClusterWithTheBannerUntilItsEnded()
    {
        await fixture.SilenceBothClustersAsync();
        var speech = await SpeechFile.GetAsync();
        await using var consoles = await VillageAndDistrictConsoles.SignInAsync(fixture);
        (IPage village, IPage district, List<string> console) = (consoles.Village, consoles.District, consoles.Console);
        // The officer is on a phone: the live mode and its on-air state fit 360 px.
        await district.SetViewportSizeAsync(360, 740);

        await ConsolePages.ChooseClusterAsync(district, fixture.LangHocClusterId);
        await ConsolePages.SelectTabAsync(district, "emergency");
        await district.CheckAsync("input[name=emergency-content][value=live]");
        await Expect(district.Locator("#emergency-text")).ToBeHiddenAsync();
        Assert.True(await ConsolePages.ScrollWidthAsync(district) <= 360, "the emergency panel in live mode scrolls sideways at 360 px");
        await district.FillAsync("#emergency-title", "Sạt lở đất");
        await district.ClickAsync("#emergency-send");
        await Expect(district.Locator("#confirm-message")).ToContainTextAsync("KHẨN CẤP «Sạt lở đất»");
        await district.ClickAsync("#confirm-yes");
        await Expect(district.Locator("#confirm-message")).ToContainTextAsync("Xác nhận lần cuối");
        await district.ClickAsync("#confirm-yes");

        await district.WaitForFunctionAsync(
            "() => window.vanyenEmergencyLive.pc?.connectionState === 'connected' || window.vanyenEmergencyLive.lastError",
            null,
            new() { Timeout = 20_000, PollingInterval = 100 });
        Assert.Null(await district.EvaluateAsync<string?>("() => window.vanyenEmergencyLive.lastError"));
        var onAir = district.Locator("#emergency-on-air");
        await Expect(onAir).ToHaveAttributeAsync("data-phase", "onAir", new() { Timeout = 15_000 });
        await Expect(onAir).ToContainTextAsync("ĐANG PHÁT KHẨN CẤP TRỰC TIẾP");
        await Expect(district.Locator("#emergency-form")).ToBeHiddenAsync();
        await Expect(district.Locator("#emergency-live-stop")).ToBeFocusedAsync();
        Assert.True(await ConsolePages.ScrollWidthAsync(district) <= 360, "the live emergency's on-air state scrolls sideways at 360 px");
        string broadcastId = await district.EvaluateAsync<string>("() => window.vanyenEmergencyLive.broadcastId");
        await fixture.WaitUntilAsync(() => fixture.LangHocAgent.CurrentProgramId == broadcastId, TimeSpan.FromSeconds(15), "the receiver plays the live emergency");
        int firstFrame = fixture.LangHocAgent.GetPlayedFrames().Count;

        await Expect(village.Locator("#emergency-banner")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(village.Locator("#emergency-banner")).ToContainTextAsync("ĐANG PHÁT TIN KHẨN CẤP: Sạt lở đất");
        await Expect(ConsolePages.ClusterRow(village, fixture.LangHocClusterId).Locator(".cluster-state")).ToHaveTextAsync("KHẨN CẤP: Sạt lở đất");

        // The chime (2 s) comes first; two periods of the sentence after it are enough to find a whole one.
        int frames = (int)((((2.0 * speech.Samples.Length) / speech.SampleRate) + 3) * 50);
        await fixture.WaitUntilAsync(() => fixture.LangHocAgent.GetPlayedFrames().Count - firstFrame >= frames, TimeSpan.FromSeconds(40), "the receiver played the voice");
        await district.ClickAsync("#emergency-live-stop");
        await Expect(village.Locator("#emergency-banner")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Expect(district.Locator("#emergency-form")).ToBeVisibleAsync();
        await fixture.WaitUntilAsync(async () => (await ConsolePages.BroadcastAsync(fixture, broadcastId)).GetProperty("state").GetString() == "ended", "the live emergency ended");
        var view = await ConsolePages.BroadcastAsync(fixture, broadcastId);
        Assert.Equal("emergency", view.GetProperty("priority").GetString());

        short[] played = ProgramAudio.PlayedSince(fixture.LangHocAgent, firstFrame);
        var match = ConsolePages.BestPeriod(speech.Samples, played, 48000);
        var control = ConsolePages.BestPeriod(SpeechMatchThresholds.Reversed(speech.Samples), played, 48000);
        output.WriteLine($"live emergency {broadcastId}: receiver played {played.Length / 48000.0:0.0} s, {match} (control {control})");
        SpeechMatchThresholds.AssertMatches(match, control, "at the village cluster's reference receiver");
        Assert.DoesNotContain("page error", ConsolePages.Dump(console), StringComparison.Ordinal);
        await fixture.SilenceBothClustersAsync();
    }
}
