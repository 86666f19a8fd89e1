using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Integration.Tests.EndToEnd;

namespace VanYen.Media.Browser.Tests.Console;

/// <summary>On a 360-px phone the login and the console have no horizontal scroll.</summary>
[Collection(ConsoleCollection.Name)]
public class PhoneLayoutTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task LoginAndConsoleFitA360PixelPhone()
    {
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path, viewportWidth: 360);
        IPage page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.Url, "/login").ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        int login = await ConsolePages.ScrollWidthAsync(page);
        Assert.True(login <= 360, $"/login is {login} px wide on a 360 px phone");

        await ConsolePages.SignInAsync(page, fixture, "admin");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (string panel in await page.EvaluateAsync<string[]>("() => window.vanyenConsole.panels"))
        {
            await ConsolePages.SelectTabAsync(page, panel);
            int width = await ConsolePages.ScrollWidthAsync(page);
            Assert.True(width <= 360, $"/console ({panel} panel) is {width} px wide on a 360 px phone");
        }

        // The phone screenshot is a village announcer's console: two clusters, then the live panel.
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/login");
        await ConsolePages.SignInAsync(page, fixture, "pt.lang-hoc");
        await ConsolePages.SelectTabAsync(page, "live");
        await ConsolePages.ChooseClusterAsync(page, fixture.LangHocClusterId);
        int village = await ConsolePages.ScrollWidthAsync(page);
        Assert.True(village <= 360, $"the village console is {village} px wide on a 360 px phone");
        await ConsolePages.SaveScreenshotAsync(page, "console-phone.png");
    }
}
