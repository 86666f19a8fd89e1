using System.Diagnostics;
using System.Net;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Engine.Net;
using VanYen.Media.Integration.Tests.WebRtc;
using VanYen.Media.ReceiverAgent;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.Integration.Tests.Devices;

/// <summary>
/// The media half end to end on loopback: a cluster channel published every 20 ms, the engine's
/// <see cref="DeviceMediaEndpoint"/> on a real UDP socket, and the agent's <see cref="DeviceMediaReceiver"/>.
/// </summary>
[Collection(RealTimeAudioCollection.Name)]
public sealed class DeviceMediaReceiverTests
{
    private const long ClusterId = 7;

    [Fact]
    public async Task AProgramPublishedOnTheClusterChannelIsHeardByTheReceiverAndAReloginResumesWithinTwoSeconds()
    {
        var channel = new ClusterChannel(ClusterId);
        using var endpoint = new DeviceMediaEndpoint(_ => channel);
        await using UdpMediaSocket socket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), endpoint);
        endpoint.Attach(socket);
        var server = new IPEndPoint(IPAddress.Loopback, socket.Port);
        await using var receiver = new DeviceMediaReceiver("receiver-1", TimeSpan.FromSeconds(1));

        receiver.UseSession(ToContract(endpoint.Register("receiver-1", ClusterId)), server);

        // The program flows once the server has the keepalive's address; on a loaded machine that takes a moment.
        using (var keepaliveSeen = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (!(endpoint.TryGetStatus("receiver-1", out DeviceMediaStatus? first) && first!.RemoteEndPoint is not null))
            {
                await Task.Delay(10, keepaliveSeen.Token);
            }
        }

        short[] tone = TestTones.Sine(440, TimeSpan.FromSeconds(3));
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Bitrate = 64000, Application = OpusEncoderApplication.Audio });
        byte[] opus = new byte[1275];
        short[] frame = new short[960];
        var heard = new List<short>();
        var clock = Stopwatch.StartNew();
        long reloginAt = -1;
        long packetsAtRelogin = 0;
        TimeSpan? resumedAfter = null;
        for (int tick = 0; tick < 250; tick++)
        {
            TimeSpan wait = TimeSpan.FromMilliseconds(20 * tick) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            ReadOnlySpan<short> pcm = tone.AsSpan(tick % 150 * 960, 960);
            int length = encoder.Encode(pcm, opus);
            channel.Publish("live-1", opus.AsSpan(0, length), pcm);
            JitterFrameKind kind = receiver.PopFrame(frame);
            if (tick is >= 25 and < 125 && kind is JitterFrameKind.Decoded or JitterFrameKind.FecRecovered)
            {
                heard.AddRange(frame);
            }

            if (tick == 150)
            {
                // A re-login: the server forgets the old keys, the device switches and sends a keepalive at once.
                packetsAtRelogin = receiver.ReceivedPackets;
                reloginAt = clock.ElapsedTicks;
                receiver.UseSession(ToContract(endpoint.Register("receiver-1", ClusterId)), server);
            }

            if (reloginAt >= 0 && resumedAfter is null && receiver.ReceivedPackets > packetsAtRelogin)
            {
                resumedAfter = TimeSpan.FromTicks((long)((clock.ElapsedTicks - reloginAt) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)));
            }
        }

        // 250 packets were sent; a few around the re-login (old keys) and late ones on a loaded machine may be missing.
        using (var drained = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            while (receiver.ReceivedPackets < 200 && !drained.IsCancellationRequested)
            {
                await Task.Delay(20, CancellationToken.None);
            }
        }

        Assert.True(receiver.ReceivedPackets > 150, $"received {receiver.ReceivedPackets} packets");
        Assert.True(heard.Count >= 25 * 960, $"decoded {heard.Count / 960} frames");
        short[] samples = [.. heard];
        Assert.True(TestTones.Power(samples, 440) > 100 * TestTones.Power(samples, 1000), "the receiver hears the 440 Hz program");
        Assert.InRange(TestTones.Rms(samples), 0.6 * TestTones.Rms(tone), 1.4 * TestTones.Rms(tone));
        Assert.NotNull(resumedAfter);
        Assert.True(resumedAfter < TimeSpan.FromSeconds(2), $"resumed after {resumedAfter}");
        Assert.True(endpoint.TryGetStatus("receiver-1", out DeviceMediaStatus? status));
        Assert.Equal(receiver.LocalEndPoint!.Port, status!.RemoteEndPoint!.Port);
    }

    private static DeviceMediaParameters ToContract(DeviceMediaCredentials credentials) => new(
        "127.0.0.1",
        0,
        credentials.Ssrc,
        ClusterChannel.OpusPayloadType,
        credentials.Profile.ToString(),
        Convert.ToBase64String(credentials.ServerMasterKeyAndSalt),
        Convert.ToBase64String(credentials.DeviceMasterKeyAndSalt),
        Convert.ToBase64String(credentials.KeepaliveKey),
        5);
}
