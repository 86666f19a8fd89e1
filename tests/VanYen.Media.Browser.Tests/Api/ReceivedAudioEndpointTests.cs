using System.Net;
using VanYen.Media.Browser.Tests.Testing;

namespace VanYen.Media.Browser.Tests.Api;

public class ReceivedAudioEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ReceivedAudioOfAnUnknownSessionIsNotFoundWithAReason()
    {
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(10) };

        using var response = await http.GetAsync(new Uri("/api/echo/no-such-session/received.wav", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Unknown session", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
