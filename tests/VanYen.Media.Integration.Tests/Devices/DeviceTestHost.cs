using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using VanYen.Media.ReceiverAgent;
using VanYen.Media.Server;
using VanYen.Media.Server.Devices;

namespace VanYen.Media.Integration.Tests.Devices;

/// <summary>
/// The real host in process (what <c>Program</c> starts), so a test can call <see cref="IDeviceControl"/> the way the
/// rest of the server does, with reference receivers connected over HTTPS (certificate pinned) and UDP.
/// </summary>
internal sealed class DeviceTestHost : IAsyncDisposable
{
    private readonly List<ReceiverAgent.ReceiverAgent> _agents = [];

    private DeviceTestHost(WebApplication app, string dataDirectory, Uri httpUrl, Uri httpsUrl, IReadOnlyList<(long, string)> devices)
    {
        App = app;
        DataDirectory = dataDirectory;
        HttpUrl = httpUrl;
        HttpsUrl = httpsUrl;
        Devices = devices;
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri HttpsUrl { get; }

    /// <summary>The plain-HTTP address (people's API and hubs).</summary>
    public Uri HttpUrl { get; }

    /// <summary>Demo receivers (id, secret).</summary>
    public IReadOnlyList<(long ReceiverId, string Secret)> Devices { get; }

    public string Fingerprint => App.Services.GetRequiredService<HttpsCertificate>().Sha256Fingerprint;

    public static async Task<DeviceTestHost> StartAsync()
    {
        string data = Directory.CreateTempSubdirectory("vanyen-devices-").FullName;
        WebApplication app = MediaServerApp.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--VanYen:DataDirectory=" + data,
            "--VanYen:WebRtcPort=0",
            "--VanYen:RtpPort=0",
            "--VanYen:MediaBindAddress=127.0.0.1",
            "--VanYen:HttpsPort=0",
        ]);
        await app.StartAsync();
        ICollection<string> addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        string https = addresses.Single(address => address.StartsWith("https://", StringComparison.Ordinal));
        string http = addresses.Single(address => address.StartsWith("http://", StringComparison.Ordinal));
        var devices = await DemoDeviceLogins.ReadAsync(data);
        return new DeviceTestHost(app, data, new Uri(http), new Uri(https), devices);
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A started reference receiver for demo device <paramref name="index"/>, recording what it plays.</summary>
    public Task<ReceiverAgent.ReceiverAgent> StartAgentAsync(int index) => StartAgentAsync(Devices[index].ReceiverId, Devices[index].Secret);

    /// <summary>A started reference receiver logging in as <paramref name="id"/> with <paramref name="secret"/>.</summary>
    public async Task<ReceiverAgent.ReceiverAgent> StartAgentAsync(long id, string secret)
    {
        var agent = new ReceiverAgent.ReceiverAgent(new ReceiverAgentOptions
        {
            Server = HttpsUrl,
            DeviceId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Secret = secret,
            PinSha256 = Fingerprint,
            RecordPlayedAudio = true,
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            ReceiverReportInterval = TimeSpan.FromSeconds(1),
        });
        _agents.Add(agent);
        await agent.StartAsync();
        return agent;
    }

    /// <summary>A client over plain HTTP with a demo user's bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(string username)
    {
        var passwords = Api.ApiServerFixture.ReadLogins(await File.ReadAllTextAsync(Path.Combine(DataDirectory, "demo-logins.txt")));
        var http = new HttpClient { BaseAddress = HttpUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { username, password = passwords[username] });
        login.EnsureSuccessStatusCode();
        string token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, "timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
