using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Browser.Tests.Dashboard;

/// <summary>Steps the dashboard and speaker tests share: signing in, opening the dashboard, waiting for the page, measuring its width.</summary>
internal static class PageSteps
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Signs in through the API from <paramref name="page"/> (its cookie then serves every page of the browser context).</summary>
    public static async Task LoginAsync(IPage page, string username, string password)
    {
        int status = await page.EvaluateAsync<int>(
            "async ([username, password]) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) })).status",
            new object[] { username, password });
        Assert.InRange(status, 200, 299);
    }

    /// <summary>A new page of <paramref name="browser"/> signed in as <paramref name="username"/>, on the dashboard, connected to its hub.</summary>
    public static async Task<IPage> OpenDashboardAsync(Chromium browser, ServerProcess server, string username, string password, List<string> console)
    {
        IPage page = await browser.NewPageAsync(console);
        await page.GotoAsync(new Uri(server.Url, "/listen.html").ToString());
        await LoginAsync(page, username, password);
        await page.GotoAsync(new Uri(server.Url, "/dashboard").ToString());
        await WaitForAsync(page, "() => document.querySelectorAll('.cluster-card').length > 0 && window.vanyenDashboard?.connection?.state === 'Connected'", null, "the dashboard loads and connects", console);
        return page;
    }

    /// <summary>Waits until <paramref name="expression"/> (a function of <paramref name="argument"/>) is truthy in the page; fails with the page's console.</summary>
    public static async Task WaitForAsync(IPage page, string expression, object? argument, string what, List<string> console, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? Timeout;
        try
        {
            await page.WaitForFunctionAsync(expression, argument, new PageWaitForFunctionOptions { Timeout = (float)limit.TotalMilliseconds, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            string consoleText;
            lock (console)
            {
                consoleText = string.Join('\n', console);
            }

            throw new TimeoutException($"{what}: not within {limit}\n{consoleText}");
        }
    }

    /// <summary>How far the page is wider than its viewport (0 when there is no horizontal scroll).</summary>
    public static Task<int> HorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth");
}
