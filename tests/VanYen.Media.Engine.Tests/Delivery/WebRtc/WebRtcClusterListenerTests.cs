using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.WebRtc;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Live;
using VanYen.Media.Engine.Tests.Delivery.Streams;
using VanYen.Media.Engine.Tests.Rooms;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Delivery.WebRtc;

[Collection(RealTimeAudioCollection.Name)]
public sealed class WebRtcClusterListenerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ABrowserListeningToAClusterGetsItsProgramOnItsOwnSsrcWithTheClusterSequence()
    {
        await using var server = RoomTestServer.Start();
        await using var browser = new BrowserLikePeer { OpusPayloadType = 109 };
        DirectSession session = await server.Rooms.OpenDirectSessionAsync("listen-1", browser.CreateOffer("recvonly"), serverReceives: false, CancellationToken.None);
        Assert.Contains("a=sendonly", session.AnswerSdp, StringComparison.Ordinal);
        Assert.Equal(109, session.OpusPayloadType);
        browser.AcceptAnswer(session.AnswerSdp);
        await browser.ConnectAsync(server.EndPoint, Timeout);
        await session.Peer.Connected.WaitAsync(Timeout);

        var program = new ClusterTestProgram(50);
        var channel = new ClusterChannel(3);
        var listener = new WebRtcClusterListener(session.Peer, session.OpusPayloadType);
        using (channel.Attach(listener))
        {
            program.PublishIdle(channel);
            for (int i = 0; i < program.FrameCount; i++)
            {
                program.Publish(channel, i);
            }

            await OggOpusClusterStreamTests.WaitUntilAsync(() => browser.Received.Count >= program.FrameCount);
        }

        var received = browser.Received.ToList();
        Assert.Equal(program.FrameCount, listener.PacketsForwarded);
        Assert.Equal(program.Packets.Select(Convert.ToHexString), received.Select(p => Convert.ToHexString(p.Payload)));
        Assert.All(received, p => Assert.Equal(session.Peer.LocalSsrc, p.Ssrc));
        Assert.All(received, p => Assert.Equal(109, p.PayloadType));
        Assert.True(received[0].Marker);
        Assert.Equal((ushort)(received[0].SequenceNumber + 49), received[49].SequenceNumber);
        Assert.Equal(received[0].Timestamp + (49 * 960), received[49].Timestamp);
        double correlation = RoomTestAudio.MedianWindowCorrelation(program.Pcm, RoomTestAudio.Decode(received));
        output.WriteLine($"{received.Count} packets, correlation {correlation:F3}");
        Assert.True(correlation > 0.9);
        await server.Rooms.LeaveAsync("listen-1");
        Assert.True(session.Peer.IsClosed);
    }

    [Fact]
    public async Task ABrowserMicrophoneReachesALiveSourceThroughADirectSession()
    {
        await using var server = RoomTestServer.Start();
        await using var browser = new BrowserLikePeer();
        DirectSession session = await server.Rooms.OpenDirectSessionAsync("mic-1", browser.CreateOffer("sendonly"), serverReceives: true, CancellationToken.None);
        Assert.Contains("a=recvonly", session.AnswerSdp, StringComparison.Ordinal);
        browser.AcceptAnswer(session.AnswerSdp);
        await using var source = new WebRtcLiveSource("live: mic-1", session.OpusPayloadType);
        source.Connect(session.Peer);
        await browser.ConnectAsync(server.EndPoint, Timeout);
        await session.Peer.Connected.WaitAsync(Timeout);

        short[] speech = RoomTestAudio.Speech(100);
        Task sending = RoomTestAudio.SendPacedAsync(browser, RoomTestAudio.Encode(speech));
        var heard = new List<short>();
        var frame = new short[960];
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20)))
        {
            for (int i = 0; i < 140; i++)
            {
                Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(frame, CancellationToken.None));
                heard.AddRange(frame);
                await timer.WaitForNextTickAsync();
            }
        }

        await sending;
        double correlation = RoomTestAudio.MedianWindowCorrelation(speech, [.. heard]);
        output.WriteLine($"{source.PacketsReceived} packets; correlation {correlation:F3}");
        Assert.Equal(100, source.PacketsReceived);
        Assert.True(correlation > 0.8, $"correlation {correlation:F3}");

        await server.Rooms.LeaveAsync("mic-1");
        Assert.Equal(AudioSourceReadResult.EndOfStream, await source.ReadFrameAsync(frame, CancellationToken.None));
    }
}
