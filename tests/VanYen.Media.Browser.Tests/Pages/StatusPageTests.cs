using VanYen.Media.Browser.Tests.Testing;

namespace VanYen.Media.Browser.Tests.Pages;

public class StatusPageTests(ServerFixture server, BrowserFixture chromium) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StatusPageShowsTheServerWorksNormallyAndLinksTheAudioChecks()
    {
        var console = new List<string>();
        var page = await chromium.Browser.NewPageAsync(console);

        await page.GotoAsync(server.Url.ToString());

        var status = page.Locator("#status-value");
        await Microsoft.Playwright.Assertions.Expect(status).ToHaveTextAsync("Hoạt động bình thường", new() { Timeout = 15_000 });
        Assert.Equal("/echo.html", await page.Locator("a", new() { HasText = "Kiểm tra micro và loa" }).GetAttributeAsync("href"));
        Assert.Equal("/relay.html", await page.Locator("a", new() { HasText = "Chuyển tiếp thử" }).GetAttributeAsync("href"));
        Assert.DoesNotContain(console, line => line.StartsWith("error", StringComparison.Ordinal) || line.StartsWith("page error", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/echo.html")]
    [InlineData("/relay.html")]
    public async Task PageHasNoHorizontalScrollOnA360PixelPhone(string path)
    {
        var console = new List<string>();
        var page = await chromium.Browser.NewPageAsync(console);
        await page.SetViewportSizeAsync(360, 740);

        await page.GotoAsync(new Uri(server.Url, path).ToString());
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        int viewportWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.True(scrollWidth <= viewportWidth, $"{path}: content is {scrollWidth} px wide in a {viewportWidth} px viewport");
        Assert.DoesNotContain(console, line => line.StartsWith("error", StringComparison.Ordinal) || line.StartsWith("page error", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/echo.html")]
    [InlineData("/relay.html")]
    public async Task CallPagesLoadTheSignalRClientFromTheServer(string path)
    {
        var failed = new List<string>();
        var page = await chromium.Browser.NewPageAsync();
        page.RequestFailed += (_, request) => failed.Add(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync(new Uri(server.Url, path).ToString());
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.signalR?.HubConnectionBuilder === 'function'"));
        Assert.Empty(failed);
    }
}
