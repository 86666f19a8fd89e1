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
