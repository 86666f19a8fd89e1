using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Integration.Tests.Hosting;

public class HealthEndpointTests
{
    [Fact]
    public async Task HealthReportsVersionOpusBackendAndBothBoundMediaPorts()
    {
        await using var server = await ServerProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(10) };

        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("0.1.0", health.GetProperty("version").GetString()!.Split('+')[0]);
        Assert.Equal("native", health.GetProperty("opusBackend").GetString());
        var ports = health.GetProperty("mediaPorts").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["rtp", "webrtc"], ports.Keys.Order());
        foreach (var port in ports.Values)
        {
            Assert.InRange(port.GetProperty("port").GetInt32(), 1, 65535);
        }

        Assert.Contains(health.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "media-sockets" && c.GetProperty("status").GetString() == "Healthy");
    }

    [Fact]
    public async Task DatagramsFromUnknownPeersAreCountedInHealthAndMetrics()
    {
        await using var server = await ServerProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(10) };
        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
        int webRtcPort = health.GetProperty("mediaPorts").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "webrtc").GetProperty("port").GetInt32();

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = new IPEndPoint(IPAddress.Loopback, webRtcPort);
        byte[] rtp = new byte[172];
        rtp[0] = 0x80;
        rtp[1] = 111;
        byte[] malformed = [0x55, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        for (int i = 0; i < 50; i++)
        {
            await client.SendToAsync(rtp, target);
        }

        for (int i = 0; i < 5; i++)
        {
            await client.SendToAsync(malformed, target);
        }

        JsonElement webRtc = default;
        for (int attempt = 0; attempt < 50; attempt++)
        {
            health = await http.GetFromJsonAsync<JsonElement>("/healthz");
            webRtc = health.GetProperty("mediaPorts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "webrtc");
            if (webRtc.GetProperty("packetsReceived").GetInt64() == 55)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(55, webRtc.GetProperty("packetsReceived").GetInt64());
        Assert.Equal(55, webRtc.GetProperty("packetsDropped").GetInt64());

        string metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Matches(@"vanyen_media_net_received_packets_total\{[^}]*socket=""webrtc""[^}]*\} 55", metrics);
        Assert.Matches(@"vanyen_media_net_dropped_packets_total\{[^}]*reason=""malformed""[^}]*socket=""webrtc""[^}]*\} 5", metrics);
        Assert.Matches(@"vanyen_media_net_dropped_packets_total\{[^}]*reason=""unknown_peer""[^}]*socket=""webrtc""[^}]*\} 50", metrics);
    }

    [Fact]
    public async Task TheStatusPageIsServedAtTheRoot()
    {
        await using var server = await ServerProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(10) };
        string page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Trạng thái máy chủ", page, StringComparison.Ordinal);
    }
}
