using Microsoft.Playwright;

namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>
/// Debian's Chromium (never a downloaded browser) with a fake microphone playing <see cref="SpeechFile"/>,
/// headless, with its own throw-away profile.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private Chromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    /// <summary>
    /// Starts Chromium; its microphone plays <paramref name="fakeMicrophoneFile"/> (a WAV) in a loop, and its camera
    /// <paramref name="fakeVideoFile"/> (a .y4m) when one is given (else Chromium's built-in test pattern).
    /// </summary>
    public static async Task<Chromium> LaunchAsync(string fakeMicrophoneFile, int viewportWidth = 1024, string? fakeVideoFile = null)
    {
        // Playwright's expectations wait 5 s by default: a page answering a server busy with the rest of the suite on
        // two cores can take longer. A passing expectation returns as soon as it holds, so only a failure waits more.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        string profile = Directory.CreateTempSubdirectory("vanyen-chromium-").FullName;
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                ViewportSize = new ViewportSize { Width = viewportWidth, Height = 800 },
                Args =
                [
                    .. fakeVideoFile is null ? Array.Empty<string>() : ["--use-file-for-fake-video-capture=" + fakeVideoFile],
                    "--no-sandbox",
                    "--headless",
                    "--disable-gpu",
                    "--use-fake-ui-for-media-stream",
                    "--use-fake-device-for-media-stream",
                    "--use-file-for-fake-audio-capture=" + fakeMicrophoneFile,
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                ],
                Timeout = 30_000,
            });
            return new Chromium(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }

    /// <summary>A new tab whose console errors are collected in <paramref name="console"/>.</summary>
    public async Task<IPage> NewPageAsync(List<string>? console = null)
    {
        var page = await Context.NewPageAsync();
        if (console is not null)
        {
            page.Console += (_, message) =>
            {
                lock (console)
                {
                    console.Add($"{message.Type}: {message.Text} ({message.Location})");
                }
            };
            page.PageError += (_, error) =>
            {
                lock (console)
                {
                    console.Add("page error: " + error);
                }
            };
        }

        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the temp folder is cleaned eventually.
        }
    }
}
