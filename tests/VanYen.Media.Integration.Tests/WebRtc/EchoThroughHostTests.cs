using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Server.Media;
using VanYen.Media.Server;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Integration.Tests.WebRtc;

/// <summary>The real host, in process: IRoomService from DI, the bound WebRTC socket, the configured SRTP profile.</summary>
[Collection(RealTimeAudioCollection.Name)]
public sealed class EchoThroughHostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheHostsRoomServiceEchoesAudioOverItsWebRtcSocketWithTheConfiguredSrtpProfile()
    {
        string data = Directory.CreateTempSubdirectory("vanyen-host-echo-").FullName;
        await using WebApplication app = MediaServerApp.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--VanYen:DataDirectory=" + data,
            "--VanYen:WebRtcPort=0",
            "--VanYen:RtpPort=0",
            "--VanYen:MediaBindAddress=127.0.0.1",
            "--VanYen:WebRtc:SrtpProfiles=AesCm128HmacSha1_80",
        ]);
        await app.StartAsync();
        try
        {
            var rooms = app.Services.GetRequiredService<IRoomService>();
            var host = app.Services.GetRequiredService<MediaSocketHost>();
            var webRtc = host.Sockets.Single(s => s.Name == MediaSocketHost.WebRtcSocketName);
            await using var browser = new BrowserLikePeer();

            RoomJoinResult joined = await rooms.JoinAsync(new RoomJoinRequest("host-echo", RoomKind.Echo, "check", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
            Assert.Contains($"127.0.0.1 {webRtc.Port} typ host", joined.Sdp, StringComparison.Ordinal);
            browser.AcceptAnswer(joined.Sdp);
            await browser.ConnectAsync(new IPEndPoint(IPAddress.Loopback, webRtc.Port), TimeSpan.FromSeconds(20));
            Assert.Equal(DtlsSrtpProtectionProfile.Aes128CmHmacSha1_80, browser.HandshakeResult!.SrtpProtectionProfile);
            Assert.True(File.Exists(Path.Combine(data, "dtls-certificate.pem")));

            short[] sent = GatedTones(100);
            using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Channels = 1, Bitrate = 48000 });
            byte[] packet = new byte[1275];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (int frame = 0; frame < 100; frame++)
            {
                TimeSpan wait = TimeSpan.FromMilliseconds(20 * frame) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                int length = encoder.Encode(sent.AsSpan(frame * 960, 960), packet);
                browser.SendOpus(packet.AsSpan(0, length));
            }

            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (browser.Received.Count < 90 && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            Assert.True(browser.Received.Count >= 90, $"{browser.Received.Count} packets came back");
            Assert.True(rooms.TryGetReceivedAudio("host-echo", out short[] heard));
            heard = heard.AsSpan(0, Math.Min(heard.Length, sent.Length + 24_000)).ToArray();
            double correlation = BestCorrelation(sent, heard);
            output.WriteLine($"host echo: {browser.Received.Count} packets back; server-heard audio correlation (median of 0.5 s windows) {correlation:F3}");
            Assert.True(correlation > 0.8, $"correlation {correlation:F3}");
            await rooms.LeaveAsync("host-echo");
        }
        finally
        {
            await app.StopAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    // 250 + 500 Hz (whole cycles per 20 ms frame, so a jitter buffer's frame-sized stretch keeps the phase)
    // gated by an irregular on/off pattern, so only the right alignment correlates.
    private static short[] GatedTones(int frames)
    {
        int[] pattern = [1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1, 0];
        var samples = new short[frames * 960];
        for (int i = 0; i < samples.Length; i++)
        {
            int frame = i / 960;
            double tone = Math.Sin(2 * Math.PI * 250 * i / 48000) + (0.5 * Math.Sin(2 * Math.PI * 500 * i / 48000));
            samples[i] = (short)(pattern[(frame / 2) % pattern.Length] * 7000 * tone);
        }

        return samples;
    }

    // The jitter buffer may stretch or skip a frame to follow the network, which moves the alignment mid-signal:
    // compare half-second windows, each at its own best lag (±0.25 s), and take the median.
    private static double BestCorrelation(short[] reference, short[] candidate)
    {
        const int Window = 24_000;
        var results = new List<double>();
        for (int start = 0; start + Window <= reference.Length; start += Window / 2)
        {
            double best = 0;
            for (int lag = -Window / 2; lag <= Window / 2; lag += 2)
            {
                if (start + lag < 0 || start + lag + Window > candidate.Length)
                {
                    continue;
                }

                double cross = 0, a = 0, b = 0;
                for (int i = 0; i < Window; i += 3)
                {
                    double x = reference[start + i];
                    double y = candidate[start + lag + i];
                    cross += x * y;
                    a += x * x;
                    b += y * y;
                }

                if (a > 0 && b > 0)
                {
                    best = Math.Max(best, cross / Math.Sqrt(a * b));
                }
            }

            results.Add(best);
        }

        results.Sort();
        return results[results.Count / 2];
    }
}
