using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Integration.Tests.Api;
using VanYen.Media.Integration.Tests.EndToEnd;

namespace VanYen.Media.Browser.Tests.Console;

/// <summary>What the console tests do on the pages: sign in through the form, find a cluster's row, save a screenshot.</summary>
internal static class ConsolePages
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>The demo users' passwords (demo-logins.txt of the fixture's data folder).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PasswordsAsync(EndToEndFixture fixture) =>
        ApiServerFixture.ReadLogins(await File.ReadAllTextAsync(Path.Combine(fixture.Server.DataDirectory, "demo-logins.txt")));

    /// <summary>Opens /login, signs in with the form and waits until the console has loaded.</summary>
    public static async Task SignInAsync(IPage page, EndToEndFixture fixture, string username)
    {
        var passwords = await PasswordsAsync(fixture);
        await page.GotoAsync(new Uri(fixture.Server.Url, "/login").ToString());
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", passwords[username]);
        await page.ClickAsync("#login-submit");
        await WaitForConsoleAsync(page);
    }

    public static async Task WaitForConsoleAsync(IPage page)
    {
        await page.WaitForURLAsync("**/console", new() { Timeout = (float)Timeout.TotalMilliseconds });
        await page.WaitForFunctionAsync("() => window.vanyenConsole !== undefined", null, new() { Timeout = (float)Timeout.TotalMilliseconds, PollingInterval = 100 });
        string? error = await page.EvaluateAsync<string?>("() => window.vanyenConsole.ready ? null : window.vanyenConsole.error");
        Assert.True(error is null, "the console did not load: " + error);
    }

    /// <summary>A cluster's row in the targets tree.</summary>
    public static ILocator ClusterRow(IPage page, long clusterId) => page.Locator($"li.tree-cluster[data-cluster-id='{clusterId}']");

    /// <summary>Ticks a cluster in the targets tree.</summary>
    public static Task ChooseClusterAsync(IPage page, long clusterId) =>
        ClusterRow(page, clusterId).Locator("input[type=checkbox]").CheckAsync();

    public static Task SelectTabAsync(IPage page, string panelId) => page.ClickAsync("#tab-" + panelId);

    /// <summary>GET /api/broadcasts/{id} as the district admin.</summary>
    public static async Task<JsonElement> BroadcastAsync(EndToEndFixture fixture, string id)
    {
        using var admin = await fixture.ClientForAsync("admin");
        return await admin.GetFromJsonAsync<JsonElement>($"/api/broadcasts/{Uri.EscapeDataString(id)}");
    }

    /// <summary>Starts a TTS bulletin through the REST API as <paramref name="username"/>; returns its id.</summary>
    public static async Task<string> StartBulletinAsync(EndToEndFixture fixture, string username, string title, long clusterId, int repetitions)
    {
        using var http = await fixture.ClientForAsync(username);
        using var response = await http.PostAsJsonAsync("/api/broadcasts", new
        {
            title,
            source = new { kind = "tts", text = "Thông báo của ủy ban xã về lịch tiêm phòng cho trẻ em trong thôn vào sáng thứ bảy tuần này." },
            level = "normal",
            clusterIds = new[] { clusterId },
            repetitions,
        });
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/broadcasts as {username}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Saves a PNG of the page to docs/screenshots/<paramref name="name"/> in the repository.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VanYen.Media.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        string folder = Path.Combine(directory.FullName, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = false });
    }

    /// <summary>
    /// <see cref="LoopCorrelation.Measure"/> of the best-matching source period in <paramref name="received"/> (periods
    /// ending every second from the end back, six at most): on this shared machine (load average 30–60) a browser's fake
    /// microphone may stutter for a second, so a whole recording is scored by its best period. The reversed
    /// control is scored the same way, so the comparison stays fair.
    /// </summary>
    public static LoopMatch BestPeriod(short[] source, short[] received, int sampleRate)
    {
        int shortest = source.Length + (2 * (sampleRate * 150 / 1000));
        LoopMatch? best = null;
        // At most six periods: each measure searches every circular shift, which costs seconds on a loaded machine.
        for (int end = received.Length, tried = 0; end >= shortest && tried < 6; end -= sampleRate, tried++)
        {
            var match = LoopCorrelation.Measure(source, received[..end], sampleRate);
            if (best is null || match.Segmental > best.Segmental)
            {
                best = match;
            }
        }

        return best ?? throw new ArgumentException($"received audio is too short: {received.Length} samples", nameof(received));
    }

    public static async Task<int> ScrollWidthAsync(IPage page) =>
        await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");

    public static string Dump(List<string> console)
    {
        lock (console)
        {
            return string.Join('\n', console);
        }
    }
}
