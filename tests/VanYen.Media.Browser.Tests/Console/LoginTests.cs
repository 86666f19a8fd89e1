using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Integration.Tests.EndToEnd;
using static Microsoft.Playwright.Assertions;

namespace VanYen.Media.Browser.Tests.Console;

/// <summary>/login against the real server: Vietnamese errors, the English switch, the way to the console, 360 px.</summary>
[Collection(ConsoleCollection.Name)]
public class LoginTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task AWrongPasswordShowsTheVietnameseErrorAndTheRightOneLandsOnTheConsole()
    {
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        var console = new List<string>();
        IPage page = await browser.NewPageAsync(console);
        await page.GotoAsync(new Uri(fixture.Server.Url, "/login").ToString());

        await page.FillAsync("#username", "xem.huyen");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("Sai tên đăng nhập hoặc mật khẩu.");
        Assert.EndsWith("/login", page.Url, StringComparison.Ordinal);

        var passwords = await ConsolePages.PasswordsAsync(fixture);
        await page.FillAsync("#password", passwords["xem.huyen"]);
        await page.ClickAsync("#login-submit");
        await ConsolePages.WaitForConsoleAsync(page);
        await Expect(page.Locator("#user-name")).ToContainTextAsync("người xem");
        Assert.DoesNotContain("page error", ConsolePages.Dump(console), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEnglishSwitchTranslatesTheFormAndItsErrors()
    {
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        IPage page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.Url, "/login").ToString());
        await Expect(page.Locator("label[for=username]")).ToHaveTextAsync("Tên đăng nhập");

        await page.ClickAsync("#language");
        await Expect(page.Locator("label[for=username]")).ToHaveTextAsync("Username");
        await Expect(page.Locator("#login-submit")).ToHaveTextAsync("Sign in");
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await page.FillAsync("#username", "xem.huyen");
        await page.FillAsync("#password", "still-not-the-password");
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("Wrong username or password.");

        await page.ClickAsync("#language");
        await Expect(page.Locator("label[for=username]")).ToHaveTextAsync("Tên đăng nhập");
    }

    [Fact]
    public async Task AConsoleVisitWithoutASessionGoesToTheLoginAndComesBackAfterIt()
    {
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        IPage page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.Url, "/console").ToString());
        await page.WaitForURLAsync("**/login?return=%2Fconsole");

        var passwords = await ConsolePages.PasswordsAsync(fixture);
        await page.FillAsync("#username", "pt.lang-hoc");
        await page.FillAsync("#password", passwords["pt.lang-hoc"]);
        await page.ClickAsync("#login-submit");
        await ConsolePages.WaitForConsoleAsync(page);
    }

    [Fact]
    public async Task AConsoleLeftOpenGoesToTheLoginOnceAnAdminGivesItsUserANewPassword()
    {
        using var admin = await fixture.ClientForAsync("admin");
        long village = (await admin.GetFromJsonAsync<JsonElement>($"/api/clusters/{fixture.LangHocClusterId}")).GetProperty("areaId").GetInt64();
        string username = "cb." + Guid.NewGuid().ToString("N")[..8];
        using var created = await admin.PostAsJsonAsync("/api/users", new { username, displayName = "Cán bộ văn hoá thử", role = "announcer", scopeAreaId = village });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        var speech = await SpeechFile.GetAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        IPage page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.Url, "/login").ToString());
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", user.GetProperty("generatedPassword").GetString()!);
        await page.ClickAsync("#login-submit");
        await ConsolePages.WaitForConsoleAsync(page);

        // The phone is lost: the admin resets the password, and the console open on it must not keep its rights.
        long id = user.GetProperty("user").GetProperty("id").GetInt64();
        using (var reset = await admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "mat-khau-moi-2026" }))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        await page.WaitForURLAsync("**/login?return=%2Fconsole", new() { Timeout = 15_000 });
    }
}
