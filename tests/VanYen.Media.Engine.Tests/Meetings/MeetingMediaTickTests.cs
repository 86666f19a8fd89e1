using System.Net;
using VanYen.Media.Engine.Meetings;
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
    public async Task PacketsAndTicksOfAMeetingAllocateNothing(int sampleRate)
    {
        // A hangover longer than the test keeps the talkers seated through the pauses of speech: a change of talkers
        // raises TalkersChanged, which allocates its list (a few times a minute, not per tick).
        await using var rig = MeetingTestRig.Start(new MeetingMediaOptions { HangoverFrames = 100_000, SampleRate = sampleRate });
        var meeting = (MeetingMedia)rig.Service.Open("alloc");
        rig.Server.Clock.Remove(meeting);

        // An open bridge to broadcast: at 16 kHz each tick's mix is upsampled to 48 kHz for it.
        await using VanYen.Media.Engine.Sources.IAudioSource mixSource = meeting.OpenMixSource("alloc to broadcast");

        // 3 talkers with speech and 7 quiet participants (silence, level 127): one packet each per tick, then the tick.
        const int Participants = 10;
        var speech = MeetingTestAudio.Encode(MeetingTestAudio.Clip(0, 100));
        var silence = MeetingTestAudio.Silence(1)[0];
        var participants = new MeetingParticipant[Participants];
        byte[][] packets = new byte[Participants][];
        for (int i = 0; i < Participants; i++)
        {
            meeting.JoinPlainRtp("p" + i, new IPEndPoint(IPAddress.Loopback, 41000 + i), 111);
            participants[i] = meeting.FindParticipant("p" + i)!;
            packets[i] = new byte[1500];
        }

        int frame = 0;
        void FeedAndTick()
        {
            for (int i = 0; i < Participants; i++)
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

        AllocationBudget.AssertZero(FeedAndTick, iterations: 2_000);
        Assert.True(meeting.Counters.TalkerMixEncodes > 0);
        Assert.True(meeting.Counters.SilentFramesNotDecoded > 0);
    }
}
