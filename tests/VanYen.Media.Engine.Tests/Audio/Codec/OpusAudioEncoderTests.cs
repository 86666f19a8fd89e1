using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Audio.Codec;

public class OpusAudioEncoderTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(60)]
    public void EncodedPacketDeclaresTheConfiguredFrameDuration(int milliseconds)
    {
        var options = new OpusEncoderOptions { FrameDuration = TimeSpan.FromMilliseconds(milliseconds) };
        using var encoder = new OpusAudioEncoder(options);
        short[] pcm = AudioSimilarity.Sine(440, 48000, encoder.FrameLength);
        var packet = new byte[4000];

        int length = encoder.Encode(pcm, packet);

        Assert.True(OpusPacketHeader.TryParse(packet.AsSpan(0, length), out OpusPacketHeader header));
        Assert.Equal(48 * milliseconds, header.SampleCountAt48Kilohertz);
    }

    [Theory]
    [InlineData(8000, 1)]
    [InlineData(12000, 1)]
    [InlineData(16000, 2)]
    [InlineData(24000, 1)]
    [InlineData(48000, 2)]
    public void EncodesAtEverySupportedRateAndChannelCount(int sampleRate, int channels)
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { SampleRate = sampleRate, Channels = channels });
        using var decoder = new OpusAudioDecoder(sampleRate, channels);
        short[] pcm = new short[encoder.FrameLength];
        AudioSimilarity.Sine(440, sampleRate, encoder.SamplesPerFrame).AsSpan().CopyTo(pcm);
        var packet = new byte[1275];
        var decoded = new short[encoder.FrameLength];

        int length = encoder.Encode(pcm, packet);

        Assert.Equal(sampleRate / 50, encoder.SamplesPerFrame);
        Assert.Equal(encoder.SamplesPerFrame, decoder.Decode(packet.AsSpan(0, length), decoded));
    }

    [Fact]
    public void EncodeRejectsAFrameOfTheWrongLength()
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions());
        var packet = new byte[1275];
        Assert.Throws<ArgumentException>(() => encoder.Encode(new short[959], packet));
    }

    [Theory]
    [InlineData(44100, 1, 32000, 9, 20.0)]
    [InlineData(48000, 3, 32000, 9, 20.0)]
    [InlineData(48000, 1, 1000, 9, 20.0)]
    [InlineData(48000, 1, 32000, 11, 20.0)]
    [InlineData(48000, 1, 32000, 9, 30.0)]
    [InlineData(48000, 1, 32000, 9, 2.4)]
    public void InvalidOptionsAreRefusedAtConstruction(int sampleRate, int channels, int bitrate, int complexity, double frameMilliseconds)
    {
        var options = new OpusEncoderOptions
        {
            SampleRate = sampleRate,
            Channels = channels,
            Bitrate = bitrate,
            Complexity = complexity,
            FrameDuration = TimeSpan.FromMilliseconds(frameMilliseconds),
        };
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusAudioEncoder(options));
    }

    [Theory]
    [InlineData(true, 20, 25)]
    [InlineData(false, 0, 0)]
    public void DiscontinuousTransmissionShrinksSilenceToTinyPackets(bool dtx, int atLeast, int atMost)
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { DiscontinuousTransmission = dtx });
        var silence = new short[encoder.FrameLength];
        var packet = new byte[1275];
        int tiny = 0;
        for (int frame = 0; frame < 50; frame++)
        {
            int length = encoder.Encode(silence, packet);
            if (frame >= 25 && length <= 2)
            {
                tiny++;
            }
        }

        // libopus DTX settles on 1-byte packets after ~200 ms of silence, refreshing comfort noise every 400 ms.
        Assert.InRange(tiny, atLeast, atMost);
    }

    [Fact]
    public void BitrateAndExpectedLossCanChangeBetweenFrames()
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { InbandForwardErrorCorrection = true });
        encoder.Bitrate = 16000;
        encoder.ExpectedPacketLossPercent = 25;
        Assert.Equal(16000, encoder.Bitrate);
        Assert.Equal(25, encoder.ExpectedPacketLossPercent);
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.ExpectedPacketLossPercent = 101);
    }

    [Fact]
    public void NativeEncodeAllocatesNothing()
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Backend = OpusCodecBackend.Native, InbandForwardErrorCorrection = true, ExpectedPacketLossPercent = 10 });
        short[] pcm = AudioSimilarity.Sine(1000, 48000, encoder.FrameLength);
        var packet = new byte[1275];
        AllocationBudget.AssertZero(() => encoder.Encode(pcm, packet), iterations: 500);
    }
}
