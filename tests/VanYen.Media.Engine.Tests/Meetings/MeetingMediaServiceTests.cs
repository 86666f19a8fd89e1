using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Meetings;

namespace VanYen.Media.Engine.Tests.Meetings;

// Real-time audio over loopback: run one at a time, not beside each other, on a small CI machine.
[Collection(RealTimeAudioCollection.Name)]
public sealed class MeetingMediaServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task OpenReturnsTheSameBridgeUntilItIsClosed()
    {
        await using var rig = MeetingTestRig.Start();
        IMeetingMedia first = rig.Service.Open("m1");
        Assert.Same(first, rig.Service.Open("m1"));
        Assert.True(rig.Service.TryGet("m1", out IMeetingMedia found));
        Assert.Same(first, found);

        await rig.Service.CloseAsync("m1");
        Assert.False(rig.Service.TryGet("m1", out _));
        Assert.NotSame(first, rig.Service.Open("m1"));
        await rig.Service.CloseAsync("never-opened");
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(8000)]
    [InlineData(0)]
    public async Task AMixRateOtherThan16Or48KilohertzIsRefused(int sampleRate)
    {
        await using var server = Rooms.RoomTestServer.Start();
        var options = new MeetingMediaOptions { RtpEndPoint = new IPEndPoint(IPAddress.Loopback, 0), SampleRate = sampleRate };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MeetingMediaService(server.Rooms, server.Clock, options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        Assert.Equal(nameof(MeetingMediaOptions.SampleRate), error.ParamName);
    }

    [Fact]
    public async Task PlainRtpJoinAnswersTheAnnouncedPortAndRefusesBadInput()
    {
        await using var rig = MeetingTestRig.Start();
        IMeetingMedia meeting = rig.Service.Open("m2");
        var remote = new IPEndPoint(IPAddress.Loopback, 40000);
        MeetingRtpJoin join = meeting.JoinPlainRtp("console", remote, 100);
        Assert.Equal(rig.Service.RtpEndPoint.Port, join.ServerEndpoint.Port);
        Assert.Equal(IPAddress.Loopback, join.ServerEndpoint.Address);
        Assert.Equal(100, join.PayloadType);
        Assert.NotEqual(0u, join.ServerSsrc);

        Assert.Throws<ArgumentException>(() => meeting.JoinPlainRtp("x", new IPEndPoint(IPAddress.Loopback, 40001), 95));
        Assert.Throws<ArgumentException>(() => meeting.JoinPlainRtp("x", new IPEndPoint(IPAddress.Parse("239.1.2.3"), 40001), 100));
        Assert.Throws<ArgumentException>(() => meeting.JoinPlainRtp("x", new IPEndPoint(IPAddress.Any, 40001), 100));
        Assert.Throws<ArgumentException>(() => meeting.JoinPlainRtp("other", remote, 100));

        // Joining again replaces the earlier media; leaving twice is harmless.
        meeting.JoinPlainRtp("console", new IPEndPoint(IPAddress.Loopback, 40002), 100);
        Assert.Single(meeting.GetParticipants());
        meeting.Leave("console");
        meeting.Leave("console");
        Assert.Empty(meeting.GetParticipants());
    }

    [Fact]
    public async Task MalformedAndUnknownPacketsAreCountedAndTheBridgeGoesOn()
    {
        await using var rig = MeetingTestRig.Start();
        IMeetingMedia meeting = rig.Service.Open("m3");
        await using var client = new PlainRtpTestParticipant("a");
        MeetingTestRig.JoinAll(meeting, client);
        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        stranger.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var speech = MeetingTestAudio.Encode(MeetingTestAudio.Clip(0, 10));

        client.SendRaw(new byte[40]);                                         // version 0: not RTP
        client.SendOpus([], level: 30);                                       // RTP without a payload
        client.SendRaw(RtpWithPayloadType(8));                                // G.711 A-law: not the negotiated type
        stranger.SendTo(RtpWithPayloadType(111), rig.Service.RtpEndPoint);   // nobody joined from there
        foreach (var (opus, level) in speech)
        {
            client.SendOpus(opus, level);
        }

        await WaitUntilAsync(() => meeting.Counters.PacketsDropped >= 3 && rig.Service.UnknownSourcePackets >= 1, () => $"dropped {meeting.Counters.PacketsDropped}, unknown {rig.Service.UnknownSourcePackets}, received {meeting.GetParticipants()[0].PacketsReceived}");
        Assert.Equal(3, meeting.Counters.PacketsDropped);
        Assert.Equal(1, rig.Service.UnknownSourcePackets);
        await WaitUntilAsync(() => meeting.GetParticipants()[0].PacketsReceived >= speech.Count);
        Assert.True(meeting.GetParticipants()[0].Connected);
        long ticks = meeting.Counters.Ticks;
        await WaitUntilAsync(() => meeting.Counters.Ticks > ticks + 5);
    }

    [Fact]
    public async Task ASilentPlainRtpParticipantIsDisconnectedAndReported()
    {
        await using var rig = MeetingTestRig.Start(new MeetingMediaOptions { PlainRtpSilenceTimeout = TimeSpan.FromMilliseconds(500) });
        IMeetingMedia meeting = rig.Service.Open("m4");
        var disconnected = new TaskCompletionSource<MeetingParticipantDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        meeting.ParticipantDisconnected += (_, e) => disconnected.TrySetResult(e);
        meeting.JoinPlainRtp("gone", new IPEndPoint(IPAddress.Loopback, 40010), 111);

        MeetingParticipantDisconnectedEventArgs args = await disconnected.Task.WaitAsync(Timeout);
        Assert.Equal("gone", args.ParticipantId);
        Assert.Contains("silent", args.Reason, StringComparison.Ordinal);
        Assert.Empty(meeting.GetParticipants());
    }

    [Fact]
    public async Task TalkersChangedNamesTheParticipantWhoStartsTalking()
    {
        await using var rig = MeetingTestRig.Start();
        IMeetingMedia meeting = rig.Service.Open("m5");
        var talking = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        meeting.TalkersChanged += (_, e) =>
        {
            if (e.Talkers.Count > 0)
            {
                talking.TrySetResult(e.Talkers);
            }
        };
        await using var speaker = new PlainRtpTestParticipant("chu.toa");
        await using var quiet = new PlainRtpTestParticipant("dai.bieu");
        MeetingTestRig.JoinAll(meeting, speaker, quiet);
        Task sending = MeetingTestRig.SendPacedAsync([speaker, quiet], [MeetingTestAudio.Encode(MeetingTestAudio.Clip(1, 50)), MeetingTestAudio.Silence(50)]);

        IReadOnlyList<string> talkers = await talking.Task.WaitAsync(Timeout);
        Assert.Equal(["chu.toa"], talkers);
        await sending;
        Assert.True(meeting.GetParticipants().Single(participant => participant.ParticipantId == "chu.toa").PacketsReceived >= 50);
    }

    [Fact]
    public async Task StopRecordingWithoutARecordingReturnsNullAndASecondStartIsRefused()
    {
        await using var rig = MeetingTestRig.Start();
        IMeetingMedia meeting = rig.Service.Open("m6");
        Assert.Null(await meeting.StopRecordingAsync());
        string path = Path.Combine(Path.GetTempPath(), "vanyen-meeting-" + Guid.NewGuid().ToString("N") + ".opus");
        meeting.StartRecording(path);
        Assert.True(meeting.IsRecording);
        Assert.Throws<InvalidOperationException>(() => meeting.StartRecording(path));
        MeetingRecordingResult? result = await meeting.StopRecordingAsync();
        Assert.NotNull(result);
        Assert.False(meeting.IsRecording);
        Assert.True(result.Bytes > 0);
        File.Delete(path);
    }

    private static byte[] RtpWithPayloadType(byte payloadType)
    {
        byte[] packet = new byte[12 + 20];
        VanYen.Media.Engine.Rtp.RtpHeaderWriter.Write(packet, new VanYen.Media.Engine.Rtp.RtpHeaderFields(payloadType, false, 1, 960, 1234));
        return packet;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting; " + state?.Invoke());
            await Task.Delay(20);
        }
    }
}
