using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Tests.Rooms;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Meetings;

public sealed class MeetingMediaTests(ITestOutputHelper output)
{
    private const int Frames = 200;

    [Fact]
    public async Task ThreePlainRtpParticipantsEachHearTheOtherTwoAndNotThemselves()
    {
        short[][] sent = [MeetingTestAudio.Clip(0, Frames), MeetingTestAudio.Clip(1, Frames), MeetingTestAudio.Clip(2, Frames)];
        await using var rig = MeetingTestRig.Start();
        IMeetingMedia meeting = rig.Service.Open("chi-bo-lang");
        PlainRtpTestParticipant[] clients = [new("a"), new("b"), new("c")];
        try
        {
            MeetingTestRig.JoinAll(meeting, clients);
            string recording = Path.Combine(Path.GetTempPath(), "vanyen-meeting-" + Guid.NewGuid().ToString("N") + ".opus");
            meeting.StartRecording(recording);
            await MeetingTestRig.SendPacedAsync(clients, [.. sent.Select(MeetingTestAudio.Encode)]);
            MeetingRecordingResult? result = await meeting.StopRecordingAsync();

            for (int listener = 0; listener < clients.Length; listener++)
            {
                short[] heard = clients[listener].DecodeReceived();
                double[] correlations = [.. sent.Select(source => RoomTestAudio.MedianWindowCorrelation(source, heard))];
                output.WriteLine($"{clients[listener].Id} heard {heard.Length / 48} ms; correlation with a {correlations[0]:F3}, b {correlations[1]:F3}, c {correlations[2]:F3}");
                for (int other = 0; other < clients.Length; other++)
                {
                    if (other != listener)
                    {
                        // Speech mixed with one other voice scores about 0.5; an absent voice (same espeak voice) about 0.25.
                        Assert.True(correlations[other] > 0.3, $"{clients[listener].Id} should hear {clients[other].Id}: {correlations[other]:F3}");
                        Assert.True(correlations[other] > correlations[listener] + 0.15, $"{clients[listener].Id} hears itself: own {correlations[listener]:F3}, other {correlations[other]:F3}");
                    }
                }

                Assert.True(correlations[listener] < 0.35, $"{clients[listener].Id} hears itself: {correlations[listener]:F3}");
            }

            MeetingMediaCounters counters = meeting.Counters;
            output.WriteLine($"ticks {counters.Ticks}, listener encodes {counters.ListenerMixEncodes}, talker encodes {counters.TalkerMixEncodes}, decoded {counters.FramesDecoded}, not decoded {counters.SilentFramesNotDecoded}, dropped {counters.PacketsDropped}");
            Assert.Equal(counters.Ticks, counters.ListenerMixEncodes);
            Assert.InRange(counters.TalkerMixEncodes, counters.Ticks, 3 * counters.Ticks);
            Assert.Equal(0, counters.PacketsDropped);

            Assert.NotNull(result);
            output.WriteLine($"recording {result.Duration}, {result.Bytes} bytes");
            short[] recorded = MeetingRecordingReader.Decode(result.FilePath);
            for (int source = 0; source < sent.Length; source++)
            {
                double correlation = RoomTestAudio.MedianWindowCorrelation(sent[source], recorded);
                output.WriteLine($"recording vs {clients[source].Id}: {correlation:F3}");
                Assert.True(correlation > 0.3, $"the recording should hold {clients[source].Id}: {correlation:F3}");
            }

            File.Delete(result.FilePath);
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
