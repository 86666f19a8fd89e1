using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Tests.Rooms;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Meetings;

// Real-time audio over loopback: run one at a time, not beside each other, on a small CI machine.
[Collection(RealTimeAudioCollection.Name)]
public sealed class MeetingMediaWebRtcTests(ITestOutputHelper output)
{
    private const int Frames = 200;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ABrowserJoinsWithAnOfferAndHearsThePlainRtpTalkers()
    {
        short[][] sent = [MeetingTestAudio.Clip(0, Frames), MeetingTestAudio.Clip(1, Frames)];
        await using var rig = MeetingTestRig.Start();
        IMeetingMedia meeting = rig.Service.Open("hop-xa");
        await using var browser = new BrowserLikePeer();
        string answer = await meeting.JoinWebRtcAsync("trinh.browser", browser.CreateOffer(), CancellationToken.None);
        Assert.Contains("a=sendrecv", answer, StringComparison.Ordinal);
        Assert.Contains("usedtx=1", answer, StringComparison.Ordinal);
        browser.AcceptAnswer(answer);
        await browser.ConnectAsync(rig.Server.EndPoint, Timeout);

        PlainRtpTestParticipant[] clients = [new("a"), new("b")];
        try
        {
            MeetingTestRig.JoinAll(meeting, clients);
            var quietBrowser = MeetingTestAudio.Silence(Frames);
            int before = 0;
            await MeetingTestRig.SendPacedAsync(clients, [.. sent.Select(MeetingTestAudio.Encode)], frame =>
            {
                if (frame == 0)
                {
                    before = browser.Received.Count;
                }

                browser.SendOpus(quietBrowser[frame].Opus, audioLevel: 127);
            });

            var received = browser.Received.Skip(before).ToList();
            Assert.NotEmpty(received);
            Assert.Single(received.Select(packet => packet.Ssrc).Distinct());
            short[] heard = MeetingTestAudio.DecodeByTimestamp([.. received.Select(packet => (packet.Timestamp, packet.Payload))]);
            double heardA = RoomTestAudio.MedianWindowCorrelation(sent[0], heard);
            double heardB = RoomTestAudio.MedianWindowCorrelation(sent[1], heard);
            double control = RoomTestAudio.MedianWindowCorrelation(MeetingTestAudio.Clip(2, Frames), heard);
            output.WriteLine($"browser heard {heard.Length / 48} ms in {received.Count} packets; a {heardA:F3}, b {heardB:F3}, absent voice {control:F3}");
            Assert.True(heardA > control + 0.1, $"the browser should hear a: {heardA:F3} against {control:F3}");
            Assert.True(heardB > control + 0.1, $"the browser should hear b: {heardB:F3} against {control:F3}");

            foreach (MeetingParticipantMedia participant in meeting.GetParticipants())
            {
                output.WriteLine(participant.ToString());
            }

            MeetingParticipantMedia media = Assert.Single(meeting.GetParticipants(), participant => participant.ParticipantId == "trinh.browser");
            Assert.False(media.PlainRtp);
            Assert.True(media.Connected);
            Assert.False(media.Talking);
            Assert.InRange(media.PacketsReceived, Frames / 2, Frames);
        }
        finally
        {
            foreach (PlainRtpTestParticipant client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }
}
