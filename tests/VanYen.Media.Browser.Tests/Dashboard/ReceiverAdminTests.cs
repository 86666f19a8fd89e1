using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Media;
using static Microsoft.Playwright.Assertions;

namespace VanYen.Media.Browser.Tests.Dashboard;

/// <summary>
/// An admin looks after the loudspeakers from the dashboard: adds a Browser receiver and sets up an old phone with
/// the one-tap link it shows once, gives it a new code (the phone is cut off and asks for a code again), removes it;
/// an announcer sees no such controls.
/// </summary>
[Collection(CallsCollection.Name)]
public class ReceiverAdminTests
{
    [Fact]
    public async Task AnAdminAddsABrowserReceiverSetsUpAPhoneWithItsLinkThenANewCodeCutsThePhoneOffAndRemovingItEndsIt()
    {
        await using var rig = await DistrictBrowserRig.StartAsync(360);
        var (district, server, browser, console) = rig;
        IPage dashboard = await PageSteps.OpenDashboardAsync(browser, server, district.AdminUsername, district.AdminPassword, console);
        string card = $"article.cluster-card[data-cluster-id='{district.ClusterId}']";

        await dashboard.ClickAsync($"{card} .receiver-add-summary");
        await dashboard.FillAsync($"{card} .receiver-add-name", "Điện thoại nhà ông trưởng thôn");
        await dashboard.SelectOptionAsync($"{card} .receiver-add-kind", "browser");
        await dashboard.ClickAsync($"{card} .receiver-add-submit");
        await Expect(dashboard.Locator("#secret-dialog")).ToBeVisibleAsync();
        await Expect(dashboard.Locator("#secret-title")).ToContainTextAsync("Điện thoại nhà ông trưởng thôn");
        string receiverId = (await dashboard.InnerTextAsync("#secret-id")).Trim();
        string link = (await dashboard.GetAttributeAsync("#secret-links a.speaker-link", "href"))!;
        Assert.Contains($"/speaker?device={receiverId}&token=", link, StringComparison.Ordinal);
        Assert.Equal(0, await PageSteps.HorizontalOverflowAsync(dashboard));
        await dashboard.ClickAsync("#secret-close");
        string row = $"li.receiver[data-receiver-id='{receiverId}']";
        await Expect(dashboard.Locator(row)).ToContainTextAsync("Chưa kết nối");

        // The phone on the amplifier opens the link once and plays; the dashboard sees it online.
        IPage phone = await browser.NewPageAsync(console);
        await phone.GotoAsync(link);
        await PageSteps.WaitForAsync(phone, "() => window.vanyenSpeaker?.state() === 'playing'", null, "the phone plays the cluster", console);
        await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector)?.dataset.online === 'true'", row, "the new receiver shows online", console);

        // A new code: asked first, then shown once; the phone holding the old one is cut off and asks for a code.
        await dashboard.ClickAsync($"{row} .rotate-receiver");
        await Expect(dashboard.Locator("#confirm-dialog")).ToBeVisibleAsync();
        await dashboard.ClickAsync("#confirm-yes");
        await Expect(dashboard.Locator("#secret-dialog")).ToBeVisibleAsync();
        string newLink = (await dashboard.GetAttributeAsync("#secret-links a.speaker-link", "href"))!;
        Assert.NotEqual(link, newLink);
        await dashboard.ClickAsync("#secret-close");
        await PageSteps.WaitForAsync(phone, "() => window.vanyenSpeaker?.state() === 'error'", null, "the phone with the old code is refused", console);
        await Expect(phone.Locator("#setup")).ToBeVisibleAsync();
        await PageSteps.WaitForAsync(dashboard, "selector => document.querySelector(selector)?.dataset.online === 'false'", row, "the receiver shows offline", console);

        // Removing it: asked first (No keeps it), then gone from the card.
        await dashboard.ClickAsync($"{row} .delete-receiver");
        await dashboard.ClickAsync("#confirm-no");
        await Expect(dashboard.Locator(row)).ToHaveCountAsync(1);
        await dashboard.ClickAsync($"{row} .delete-receiver");
        await dashboard.ClickAsync("#confirm-yes");
        await Expect(dashboard.Locator(row)).ToHaveCountAsync(0);
        await phone.GotoAsync(newLink);
        await PageSteps.WaitForAsync(phone, "() => window.vanyenSpeaker?.state() === 'error'", null, "the removed receiver's new code is refused too", console);

        IPage announcer = await PageSteps.OpenDashboardAsync(browser, server, district.Username, district.Password, console);
        await Expect(announcer.Locator(".receiver-add")).ToHaveCountAsync(0);
        await Expect(announcer.Locator(".rotate-receiver")).ToHaveCountAsync(0);
    }
}
