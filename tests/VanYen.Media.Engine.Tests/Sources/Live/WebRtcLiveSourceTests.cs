using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Live;
using VanYen.Media.Engine.Tests.Rooms;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Sources.Live;

public sealed class WebRtcLiveSourceTests(ITestOutputHelper output)
{
    private const byte PayloadType = 109;

    [Fact]
    public async Task PacketsFromThePeerReadBackAsTheSpokenAudioWithALostPacketConcealed()
    {
        var time = new FakeTimeProvider();
        await using var source = new WebRtcLiveSource("live: test", PayloadType, new WebRtcLiveSourceOptions { TimeProvider = time });
        short[] speech = RoomTestAudio.Speech(100);
        List<byte[]> packets = RoomTestAudio.Encode(speech);
        var heard = new List<short>();
        var frame = new short[960];
        byte[] rtp = new byte[1500];
        for (int i = 0; i < packets.Count + 10; i++)
        {
            if (i < packets.Count && i != 40)
            {
                Deliver(source, rtp, (ushort)(1000 + i), (uint)(5000 + (i * 960)), packets[i]);
            }

            // Another payload type (e.g. comfort noise or RED) is not Opus: ignored.
            Deliver(source, rtp, 7, 0, [1, 2, 3], payloadType: 13);
            Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(frame, CancellationToken.None));
            heard.AddRange(frame);
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(99, source.PacketsReceived);
        double correlation = RoomTestAudio.MedianWindowCorrelation(speech, [.. heard]);
        output.WriteLine($"correlation {correlation:F3}; concealed {source.Statistics.Concealed}, played {source.Statistics.Played}");
        Assert.True(correlation > 0.9, $"the source should read the spoken audio, correlation {correlation:F3}");
        Assert.True(source.Statistics.Concealed + source.Statistics.FecRecovered >= 1);
    }

    [Fact]
    public async Task ReadsSilenceWhileNothingArrivesAndEndsAfterTheIdleTimeout()
    {
        var time = new FakeTimeProvider();
        await using var source = new WebRtcLiveSource("live: idle", PayloadType, new WebRtcLiveSourceOptions { TimeProvider = time, IdleTimeout = TimeSpan.FromSeconds(10) });
        var frame = new short[960];
        Array.Fill(frame, (short)1234);
        Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(frame, CancellationToken.None));
        Assert.All(frame, sample => Assert.Equal(0, sample));

        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(frame, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(AudioSourceReadResult.EndOfStream, await source.ReadFrameAsync(frame, CancellationToken.None));
        Assert.True(source.IsEnded);
    }

    [Fact]
    public async Task APacketRestartsTheIdleTimeoutAndCompleteEndsTheSource()
    {
        var time = new FakeTimeProvider();
        await using var source = new WebRtcLiveSource("live: stop", PayloadType, new WebRtcLiveSourceOptions { TimeProvider = time });
        var frame = new short[960];
        time.Advance(TimeSpan.FromSeconds(8));
        Deliver(source, new byte[1500], 1, 960, RoomTestAudio.Encode(RoomTestAudio.Speech(1))[0]);
        time.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(frame, CancellationToken.None));

        source.Complete();
        Assert.Equal(AudioSourceReadResult.EndOfStream, await source.ReadFrameAsync(frame, CancellationToken.None));
    }

    private static void Deliver(WebRtcLiveSource source, byte[] buffer, ushort sequence, uint timestamp, byte[] payload, byte payloadType = PayloadType)
    {
        int header = RtpHeaderWriter.Write(buffer, new RtpHeaderFields(payloadType, false, sequence, timestamp, 0x1234));
        payload.CopyTo(buffer, header);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, header + payload.Length), out RtpPacket packet));
        source.OnRtp(null!, in packet);
    }
}
