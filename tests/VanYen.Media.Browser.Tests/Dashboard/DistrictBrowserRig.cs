using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Browser.Tests.Dashboard;

/// <summary>
/// What every dashboard and speaker-page test starts from: the small district (<see cref="DashboardTestDistrict"/>),
/// a real server on it, and one Chromium (its fake microphone looping the Vietnamese speech) with a shared console log.
/// </summary>
internal sealed class DistrictBrowserRig : IAsyncDisposable
{
    private DistrictBrowserRig(SpeechFile speech, DashboardTestDistrict district, ServerProcess server, Chromium browser)
    {
        Speech = speech;
        District = district;
        Server = server;
        Browser = browser;
    }

    public SpeechFile Speech { get; }

    public DashboardTestDistrict District { get; }

    public ServerProcess Server { get; }

    public Chromium Browser { get; }

    /// <summary>The pages' console messages, for the failure messages of <see cref="PageSteps.WaitForAsync"/>.</summary>
    public List<string> Console { get; } = [];

    public static async Task<DistrictBrowserRig> StartAsync(int viewportWidth = 1024)
    {
        SpeechFile speech = await SpeechFile.GetAsync();
        DashboardTestDistrict district = await DashboardTestDistrict.CreateAsync();
        ServerProcess? server = null;
        try
        {
            server = await ServerProcess.StartAsync(district.DataDirectory, "--VanYen:SeedDemo=false");
            Chromium browser = await Chromium.LaunchAsync(speech.Path, viewportWidth);
            return new DistrictBrowserRig(speech, district, server, browser);
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            district.Dispose();
            throw;
        }
    }

    public void Deconstruct(out DashboardTestDistrict district, out ServerProcess server, out Chromium browser, out List<string> console)
    {
        district = District;
        server = Server;
        browser = Browser;
        console = Console;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
        District.Dispose();
    }
}
