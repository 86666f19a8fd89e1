using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;

namespace VanYen.Media.Browser.Tests.ConsolePanels;

public sealed partial class ConsolePanelsTests
{
    [Theory]
    [InlineData("tts")]
    [InlineData("record")]
    [InlineData("library")]
    [InlineData("relay")]
    [InlineData("schedules")]
    public async Task APanelHasNoHorizontalScrollOnA360PixelPhone(string panel)
    {
        await using var browser = await Chromium.LaunchAsync(fixture.Speech.Path, viewportWidth: 360);
        var console = new List<string>();
        IPage page = await fixture.OpenPanelAsync(browser, panel, console);
        // Open what a user would open: the inline forms and the weekly choice.
        foreach (string selector in new[] { "input[type=radio][value=weekly]", ".library-item button[data-action=broadcast]" })
        {
            ILocator first = page.Locator(selector).First;
            if (await first.CountAsync() > 0)
            {
                await first.ClickAsync();
            }
        }

        int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        int viewport = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        string overflowing = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('#harness-panel *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map(e => e.tagName + '.' + e.className).slice(0, 5).join(', ')");
        output.WriteLine($"{panel}: scroll width {scrollWidth}, viewport {viewport}; overflowing: {overflowing}");
        Assert.True(scrollWidth <= viewport, $"{panel}: the page scrolls sideways ({scrollWidth} > {viewport}): {overflowing}");
        Assert.Equal(string.Empty, overflowing);
    }
}
