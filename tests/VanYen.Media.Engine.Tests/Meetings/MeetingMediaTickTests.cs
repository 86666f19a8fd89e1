using System.Net;
using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Meetings;

// Real-time audio over loopback: run one at a time, not beside each other, on a small CI machine.
[Collection(RealTimeAudioCollection.Name)]
public sealed class MeetingMediaTickTests
{
    [Theory]
    [InlineData(16000)]
    [InlineData(48000)]
    public Task PacketsAndTicksOfAMeetingAllocateNothing(int sampleRate) => AssertPacketsAndTicksAllocateNothing(sampleRate, participantCount: 10);

    [Fact]
    public Task TicksWhoseSendsFillMoreThanOneSendBatchAllocateNothing() =>
        // More plain RTP participants than a PacketSendBatch holds: the batch is sent and cleared mid-tick, then again at its end.
        AssertPacketsAndTicksAllocateNothing(16000, participantCount: PacketSendBatch.DefaultCapacity + 36);

    private static async Task AssertPacketsAndTicksAllocateNothing(int sampleRate, int participantCount)
    {
        // A hangover longer than the test keeps the talkers seated through the pauses of speech: a change of talkers
        // raises TalkersChanged, which allocates its list (a few times a minute, not per tick).
        await using var rig = MeetingTestRig.Start(new MeetingMediaOptions { HangoverFrames = 100_000, SampleRate = sampleRate });
        var meeting = (MeetingMedia)rig.Service.Open("alloc");
        rig.Server.Clock.Remove(meeting);

        // An open bridge to broadcast: at 16 kHz each tick's mix is upsampled to 48 kHz for it.
        await using VanYen.Media.Engine.Sources.IAudioSource mixSource = meeting.OpenMixSource("alloc to broadcast");

        // 3 talkers with speech and the others quiet (silence, level 127): one packet each per tick, then the tick.
        var speech = MeetingTestAudio.Encode(MeetingTestAudio.Clip(0, 100));
        var silence = MeetingTestAudio.Silence(1)[0];
        var participants = new MeetingParticipant[participantCount];
        byte[][] packets = new byte[participantCount][];
        for (int i = 0; i < participantCount; i++)
        {
            meeting.JoinPlainRtp("p" + i, new IPEndPoint(IPAddress.Loopback, 41000 + i), 111);
            participants[i] = meeting.FindParticipant("p" + i)!;
            packets[i] = new byte[1500];
        }

        int frame = 0;
        void FeedAndTick()
        {
            for (int i = 0; i < participantCount; i++)
            {
                (byte[] opus, byte level) = i < 3 ? speech[(frame + (i * 17)) % speech.Count] : (silence.Opus, (byte)127);
                var writer = new RtpHeaderWriter(packets[i], new RtpHeaderFields(111, false, (ushort)frame, (uint)(frame * 960), (uint)(i + 1)), default, RtpHeaderExtensionForm.OneByte);
                packets[i][1400] = level;
                writer.TryAddExtension(1, packets[i].AsSpan(1400, 1));
                int header = writer.Finish();
                opus.CopyTo(packets[i], header);
                RtpPacket.TryParse(packets[i].AsSpan(0, header + opus.Length), out RtpPacket packet);
                participants[i].OnPacket(packet);
            }

            meeting.OnTick(frame);
            frame++;
        }

        long sentBefore = rig.Service.RtpPort.Counters.PacketsSent;
        AllocationBudget.AssertZero(FeedAndTick, iterations: 2_000);
        Assert.True(meeting.Counters.TalkerMixEncodes > 0);

        // The measured ticks did send: the speech mix (most frames are not DTX) to every participant.
        long sent = rig.Service.RtpPort.Counters.PacketsSent - sentBefore;
        Assert.True(sent > 2_000L * participantCount / 2, $"sent {sent} packets in 2000 ticks to {participantCount} participants");
        Assert.Equal(0, rig.Service.RtpPort.Counters.SendErrors);
        Assert.True(meeting.Counters.SilentFramesNotDecoded > 0);
    }
}
