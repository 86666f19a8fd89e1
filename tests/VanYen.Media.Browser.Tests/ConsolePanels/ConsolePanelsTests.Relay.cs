using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;

namespace VanYen.Media.Browser.Tests.ConsolePanels;

public sealed partial class ConsolePanelsTests
{
    [Fact]
    public async Task AConfiguredStationIsRelayedToTheClusterAndStopped()
    {
        await fixture.SilenceAsync();
        await using var browser = await Chromium.LaunchAsync(fixture.Speech.Path);
        var console = new List<string>();
        IPage page = await fixture.OpenPanelAsync(browser, "relay", console);
        await fixture.ChooseClusterAsync(page);
        await page.SelectOptionAsync(".panel-relay select[data-field=station]", ConsolePanelsFixture.StationId);
        long packetsBefore = fixture.Receiver.ReceivedPackets;
        await page.ClickAsync(".panel-relay button[data-action=start]");

        ILocator item = page.Locator(".relay-item", new PageLocatorOptions { HasText = ConsolePanelsFixture.StationName });
        await ConsolePanelsFixture.WaitForAsync(page, item, console);
        string id = (await item.GetAttributeAsync("data-broadcast-id"))!;
        await ConsolePanelsFixture.WaitUntilAsync(
            async () => (await fixture.GetBroadcastAsync(id)).GetProperty("clustersOnAir").EnumerateArray().Any(c => c.GetInt64() == fixture.District.ClusterId),
            "the relay is on air on the cluster");
        await ConsolePanelsFixture.WaitUntilAsync(() => Task.FromResult(fixture.Receiver.ReceivedPackets - packetsBefore > 100), "the receiver gets the relay");

        await page.ClickAsync($".relay-item[data-broadcast-id='{id}'] button[data-action=stop]");
        await ConsolePanelsFixture.WaitUntilAsync(async () => ConsolePanelsFixture.State(await fixture.GetBroadcastAsync(id)) == "ended", "the relay stops");
        JsonElement ended = await fixture.GetBroadcastAsync(id);
        Assert.Equal("cancelled", ended.GetProperty("endReason").GetString());
        await page.Locator($".relay-item[data-broadcast-id='{id}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 10000 });
        output.WriteLine($"relay {id}: {fixture.Receiver.ReceivedPackets - packetsBefore} packets; {Describe(ended)}");
    }
}
