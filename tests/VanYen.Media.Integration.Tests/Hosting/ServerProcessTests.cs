using System.Net.Http.Json;
using System.Text.Json;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Integration.Tests.Hosting;

public class ServerProcessTests
{
    [Fact]
    public async Task TheServerPrintsItsUrlServesHealthAndStopsCleanlyOnInterrupt()
    {
        await using var server = await ServerProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(10) };

        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "vanyen.db")), "the SQLite file is in the data folder");

        int exitCode = await server.InterruptAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(0, exitCode);
        Assert.Contains("Application is shutting down", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInstanceIdSurvivesARestart()
    {
        string first;
        string dataDirectory;
        await using (var server = await ServerProcess.StartAsync())
        {
            dataDirectory = server.DataDirectory;
            using var http = new HttpClient { BaseAddress = server.Url };
            first = (await http.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("instanceId").GetString()!;
            await server.InterruptAsync(TimeSpan.FromSeconds(15));
        }

        await using (var again = await ServerProcess.StartAsync(dataDirectory))
        {
            using var http = new HttpClient { BaseAddress = again.Url };
            string second = (await http.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("instanceId").GetString()!;
            Assert.Equal(first, second);
            Assert.Matches("^[0-9a-f]{32}$", second);
        }
    }
}
