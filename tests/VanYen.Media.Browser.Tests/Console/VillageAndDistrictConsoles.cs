using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Integration.Tests.EndToEnd;

namespace VanYen.Media.Browser.Tests.Console;

/// <summary>
/// Two browsers, as two officers on two devices: the village announcer's console (pt.lang-hoc) and the district's
/// (admin), both signed in, sharing one console log for the tests' "page error" checks.
/// </summary>
internal sealed class VillageAndDistrictConsoles : IAsyncDisposable
{
    private readonly Chromium _villageBrowser;
    private readonly Chromium _districtBrowser;

    private VillageAndDistrictConsoles(Chromium villageBrowser, Chromium districtBrowser, IPage village, IPage district, List<string> console)
    {
        _villageBrowser = villageBrowser;
        _districtBrowser = districtBrowser;
        Village = village;
        District = district;
        Console = console;
    }

    public IPage Village { get; }

    public IPage District { get; }

    /// <summary>Both pages' console messages.</summary>
    public List<string> Console { get; }

    public static async Task<VillageAndDistrictConsoles> SignInAsync(EndToEndFixture fixture)
    {
        var speech = await SpeechFile.GetAsync();
        Chromium villageBrowser = await Chromium.LaunchAsync(speech.Path);
        Chromium districtBrowser = await Chromium.LaunchAsync(speech.Path);
        var console = new List<string>();
        IPage village = await villageBrowser.NewPageAsync(console);
        IPage district = await districtBrowser.NewPageAsync(console);
        var consoles = new VillageAndDistrictConsoles(villageBrowser, districtBrowser, village, district, console);
        try
        {
            await ConsolePages.SignInAsync(village, fixture, "pt.lang-hoc");
            await ConsolePages.SignInAsync(district, fixture, "admin");
            return consoles;
        }
        catch
        {
            await consoles.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _villageBrowser.DisposeAsync();
        await _districtBrowser.DisposeAsync();
    }
}
