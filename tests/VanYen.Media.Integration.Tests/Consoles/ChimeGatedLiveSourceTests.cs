using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Live;
using VanYen.Media.Server.Consoles;

namespace VanYen.Media.Integration.Tests.Consoles;

/// <summary>A live emergency's microphone listens from the end of the chime (the program's first read), not before.</summary>
public sealed class ChimeGatedLiveSourceTests
{
    private const byte OpusPayloadType = 111;

    [Fact]
    public async Task PacketsBeforeTheFirstReadAreDroppedAndThoseAfterItReachTheMicrophone()
    {
        var microphone = new WebRtcLiveSource("live emergency: test", OpusPayloadType);
        await using var gated = new ChimeGatedLiveSource(microphone);
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Channels = 1 });
        ushort sequence = 100;

        Send(gated, encoder, ref sequence, 10);
        Assert.Equal(0, microphone.PacketsReceived);

        short[] frame = new short[960];
        Assert.Equal(AudioSourceReadResult.Frame, await gated.ReadFrameAsync(frame, CancellationToken.None));
        Send(gated, encoder, ref sequence, 7);
        Assert.Equal(7, microphone.PacketsReceived);

        microphone.Complete();
        Assert.Equal(AudioSourceReadResult.EndOfStream, await gated.ReadFrameAsync(frame, CancellationToken.None));
    }

    [Fact]
    public async Task AMicrophoneHeldBackLongerThanTheIdleTimeoutIsStillLiveWhileItsPacketsArriveAndEndsWhenTheyStop()
    {
        var time = new FakeTimeProvider();
        var options = new WebRtcLiveSourceOptions { IdleTimeout = TimeSpan.FromSeconds(10), TimeProvider = time };
        var microphone = new WebRtcLiveSource("live emergency waiting: test", OpusPayloadType, options);
        await using var gated = new ChimeGatedLiveSource(microphone);
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Channels = 1 });
        ushort sequence = 100;

        // Another emergency holds the clusters for 24 s: the program does not read, the announcer keeps talking.
        for (int second = 0; second < 24; second += 4)
        {
            Send(gated, encoder, ref sequence, 5);
            time.Advance(TimeSpan.FromSeconds(4));
        }

        Assert.False(microphone.IsEnded, "held back, not idle");
        Assert.Equal(0, microphone.PacketsReceived);
        short[] frame = new short[960];
        Assert.Equal(AudioSourceReadResult.Frame, await gated.ReadFrameAsync(frame, CancellationToken.None));

        // Then the announcer's browser goes quiet (tab closed without a bye): the idle timeout ends it.
        time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(AudioSourceReadResult.EndOfStream, await gated.ReadFrameAsync(frame, CancellationToken.None));
    }

    private static void Send(ChimeGatedLiveSource gated, OpusAudioEncoder encoder, ref ushort sequence, int count)
    {
        short[] pcm = new short[960];
        byte[] datagram = new byte[1500];
        for (int index = 0; index < count; index++, sequence++)
        {
            for (int sample = 0; sample < pcm.Length; sample++)
            {
                pcm[sample] = (short)(6000 * Math.Sin(2 * Math.PI * 440 * sample / 48000.0));
            }

            int header = RtpHeaderWriter.Write(datagram, new RtpHeaderFields(OpusPayloadType, false, sequence, (uint)(sequence * 960), 0x1234_5678));
            int payload = encoder.Encode(pcm, datagram.AsSpan(header));
            Assert.True(RtpPacket.TryParse(datagram.AsSpan(0, header + payload), out RtpPacket packet));
            gated.OnRtp(null!, packet);
        }
    }
}
