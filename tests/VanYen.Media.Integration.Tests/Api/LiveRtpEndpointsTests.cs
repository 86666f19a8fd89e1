using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Integration.Tests.Api;

/// <summary>A hardware console's live voice over plain RTP/Opus, against the real server.</summary>
[Collection(ApiServerCollection.Name)]
public class LiveRtpEndpointsTests(ApiServerFixture fixture)
{
    private const byte OpusPayloadType = 111;

    [Fact]
    public async Task AConsoleSendingOpusRtpIsOnAirItsSsrcIsTakenAndTheBroadcastEndsWhenItStopsSending()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");
        long area = await ScopeEndpointsTests.FindAreaAsync(http, "Thôn Thác Cá");
        long cluster = (await http.GetFromJsonAsync<JsonElement>($"/api/clusters?areaId={area}"))[0].GetProperty("id").GetInt64();
        uint ssrc = (uint)Random.Shared.Next(1, int.MaxValue);

        using var badAddress = await http.PostAsJsonAsync("/api/broadcasts/live-rtp", new { title = "Bàn gọi", clusterIds = new[] { cluster }, ssrc, sourceAddress = "không phải địa chỉ" });
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Contains("sourceAddress", (await badAddress.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var started = await http.PostAsJsonAsync("/api/broadcasts/live-rtp", new { title = "Bàn gọi xã", clusterIds = new[] { cluster }, ssrc, sourceAddress = "127.0.0.1" });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        string id = body.GetProperty("broadcast").GetProperty("id").GetString()!;
        int rtpPort = body.GetProperty("rtpPort").GetInt32();
        Assert.Equal(await RtpPortFromHealthAsync(http), rtpPort);

        using var again = await http.PostAsJsonAsync("/api/broadcasts/live-rtp", new { title = "Bàn gọi xã", clusterIds = new[] { cluster }, ssrc });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("ssrc-in-use", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());

        // The console talks for a few seconds: the broadcast is on air while it does.
        using var console = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var sending = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        Task talk = SendToneAsync(console, new IPEndPoint(IPAddress.Loopback, rtpPort), ssrc, sending.Token);
        string? seenState = null;
        while (!sending.IsCancellationRequested && seenState != "onAir")
        {
            var list = await http.GetFromJsonAsync<JsonElement>("/api/broadcasts");
            seenState = list.EnumerateArray().Where(view => view.GetProperty("id").GetString() == id).Select(view => view.GetProperty("state").GetString()).FirstOrDefault();
            await Task.Delay(100);
        }

        Assert.Equal("onAir", seenState);
        await talk;

        // Silence from the console: the broadcast ends by itself (10 s without packets).
        string? state = null;
        using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!waiting.IsCancellationRequested && state != "ended")
        {
            await Task.Delay(250);
            state = (await http.GetFromJsonAsync<JsonElement>($"/api/broadcasts/{Uri.EscapeDataString(id)}")).GetProperty("state").GetString();
        }

        Assert.Equal("ended", state);
    }

    private static async Task<int> RtpPortFromHealthAsync(HttpClient http)
    {
        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
        return health.GetProperty("mediaPorts").EnumerateArray().Single(port => port.GetProperty("name").GetString() == "rtp").GetProperty("port").GetInt32();
    }

    /// <summary>A 440 Hz tone as Opus in RTP, one packet every 20 ms, until cancelled.</summary>
    private static async Task SendToneAsync(UdpClient socket, IPEndPoint server, uint ssrc, CancellationToken cancellationToken)
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions());
        var pcm = new short[encoder.FrameLength];
        var packet = new byte[1500];
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        ushort sequence = 1;
        uint timestamp = 0;
        long sample = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                for (int i = 0; i < pcm.Length; i++, sample++)
                {
                    pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * sample / 48_000.0));
                }

                int header = RtpHeaderWriter.Write(packet, new RtpHeaderFields(OpusPayloadType, sequence == 1, sequence, timestamp, ssrc));
                int length = encoder.Encode(pcm, packet.AsSpan(header));
                await socket.SendAsync(packet.AsMemory(0, header + length), server, cancellationToken);
                sequence++;
                timestamp += (uint)pcm.Length;
                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The console stopped talking.
        }
    }
}
