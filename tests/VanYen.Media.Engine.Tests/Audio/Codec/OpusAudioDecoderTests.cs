using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Tests.Testing;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Audio.Codec;

public class OpusAudioDecoderTests(ITestOutputHelper output)
{
    private const int Frame = 960;

    [Theory]
    [InlineData(OpusCodecBackend.Native, OpusCodecBackend.Native)]
    [InlineData(OpusCodecBackend.Managed, OpusCodecBackend.Managed)]
    [InlineData(OpusCodecBackend.Native, OpusCodecBackend.Managed)]
    [InlineData(OpusCodecBackend.Managed, OpusCodecBackend.Native)]
    public void SineSurvivesTheRoundTripOnEitherBackend(OpusCodecBackend encoderBackend, OpusCodecBackend decoderBackend)
    {
        short[] sine = AudioSimilarity.Sine(1000, 48000, 50 * Frame);
        short[] decoded = RoundTrip(sine, new OpusEncoderOptions { Backend = encoderBackend }, decoderBackend);

        (double correlation, int lag) = AudioSimilarity.BestNormalizedCrossCorrelation(sine, decoded, maxLag: 960);
        output.WriteLine($"1 kHz sine, {encoderBackend} → {decoderBackend}: correlation {correlation:F4} at lag {lag} samples");
        Assert.True(correlation > 0.9, $"correlation {correlation:F4}");
    }

    [Fact]
    public void VietnameseSpeechSurvivesTheRoundTrip()
    {
        short[] speech = SpeechSample.Announcement;
        short[] decoded = RoundTrip(speech, new OpusEncoderOptions(), OpusCodecBackend.Native);

        (double correlation, int lag) = AudioSimilarity.BestNormalizedCrossCorrelation(speech, decoded, maxLag: 960);
        output.WriteLine($"speech {speech.Length / 48} ms at 32 kbit/s: correlation {correlation:F4} at lag {lag} samples");

        // SILK/hybrid coding keeps the waveform of voiced speech closely at 32 kbit/s; 0.8 leaves room for the unvoiced parts.
        Assert.True(correlation > 0.8, $"correlation {correlation:F4}");
    }

    [Fact]
    public void ForwardErrorCorrectionRebuildsLostSpeechBetterThanConcealment()
    {
        short[] speech = SpeechSample.Announcement;
        var options = new OpusEncoderOptions { InbandForwardErrorCorrection = true, ExpectedPacketLossPercent = 10 };
        List<byte[]> packets = Encode(speech, options);
        using var reference = new OpusAudioDecoder();
        var clean = new short[packets.Count * Frame];
        for (int i = 0; i < packets.Count; i++)
        {
            reference.Decode(packets[i], clean.AsSpan(i * Frame, Frame));
        }

        double fecSum = 0;
        double concealSum = 0;
        int trials = 0;
        var rebuilt = new short[Frame];
        var concealed = new short[Frame];
        for (int lost = 10; lost < packets.Count - 1; lost += 7)
        {
            ReadOnlySpan<short> original = clean.AsSpan(lost * Frame, Frame);
            if (AudioSimilarity.Rms(original) < 500)
            {
                continue;
            }

            using var withFec = DecoderUpTo(packets, lost);
            using var withConcealment = DecoderUpTo(packets, lost);
            Assert.Equal(Frame, withFec.DecodeFec(packets[lost + 1], rebuilt));
            Assert.Equal(Frame, withConcealment.Conceal(concealed));
            fecSum += Correlation(original, rebuilt);
            concealSum += Correlation(original, concealed);
            trials++;
        }

        double fec = fecSum / trials;
        double conceal = concealSum / trials;
        output.WriteLine($"{trials} lost voiced frames: mean correlation with the clean decode, FEC {fec:F3}, PLC {conceal:F3}");
        Assert.True(trials > 10);
        Assert.True(fec > conceal + 0.1, $"FEC {fec:F3} vs PLC {conceal:F3}");
        Assert.True(fec > 0.5, $"FEC {fec:F3}");
    }

    [Fact]
    public void ConcealmentContinuesATone()
    {
        short[] sine = AudioSimilarity.Sine(500, 48000, 10 * Frame);
        List<byte[]> packets = Encode(sine, new OpusEncoderOptions());
        using var decoder = new OpusAudioDecoder();
        var pcm = new short[Frame];
        foreach (byte[] packet in packets)
        {
            decoder.Decode(packet, pcm);
        }

        Assert.Equal(Frame, decoder.Conceal(pcm));
        Assert.True(AudioSimilarity.Rms(pcm) > 1000, $"RMS {AudioSimilarity.Rms(pcm):F0}");
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x7A })]
    [InlineData(new byte[] { 0x79, 0x01 })]
    [InlineData(new byte[] { 0x7B, 0x00 })]
    public void MalformedPacketsDecodeToNothingAndAreCounted(byte[] packet)
    {
        using var decoder = new OpusAudioDecoder();
        var pcm = new short[5760];
        Assert.Equal(0, decoder.Decode(packet, pcm));
        Assert.Equal(1, decoder.RejectedPackets);
    }

    [Fact]
    public void APacketLongerThanTheOutputIsRefused()
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { FrameDuration = TimeSpan.FromMilliseconds(60) });
        using var decoder = new OpusAudioDecoder();
        var packet = new byte[4000];
        int length = encoder.Encode(AudioSimilarity.Sine(440, 48000, encoder.FrameLength), packet);

        Assert.Equal(0, decoder.Decode(packet.AsSpan(0, length), new short[Frame]));
        Assert.Equal(1, decoder.RejectedPackets);
    }

    [Theory]
    [InlineData(OpusCodecBackend.Native)]
    [InlineData(OpusCodecBackend.Managed)]
    public void RandomBytesNeverThrow(OpusCodecBackend backend)
    {
        using var decoder = new OpusAudioDecoder(backend: backend);
        var random = new Random(7587);
        var pcm = new short[5760];
        for (int i = 0; i < 2000; i++)
        {
            var packet = new byte[random.Next(0, 200)];
            random.NextBytes(packet);
            int samples = decoder.Decode(packet, pcm);
            Assert.InRange(samples, 0, 5760);
        }
    }

    [Fact]
    public void ConcealRejectsALengthThatIsNotAWholeNumberOf2500Microseconds()
    {
        using var decoder = new OpusAudioDecoder();
        Assert.Throws<ArgumentException>(() => decoder.Conceal(new short[100]));
    }

    [Fact]
    public void NativeDecodeFecAndConcealAllocateNothing()
    {
        List<byte[]> packets = Encode(AudioSimilarity.Sine(1000, 48000, 4 * Frame), new OpusEncoderOptions { InbandForwardErrorCorrection = true });
        using var decoder = new OpusAudioDecoder(backend: OpusCodecBackend.Native);
        var pcm = new short[Frame];
        byte[] packet = packets[^1];
        AllocationBudget.AssertZero(
            () =>
            {
                decoder.Decode(packet, pcm);
                decoder.DecodeFec(packet, pcm);
                decoder.Conceal(pcm);
            },
            iterations: 500);
    }

    internal static List<byte[]> Encode(ReadOnlySpan<short> pcm, OpusEncoderOptions options)
    {
        using var encoder = new OpusAudioEncoder(options);
        var packets = new List<byte[]>();
        var buffer = new byte[4000];
        for (int offset = 0; offset + encoder.FrameLength <= pcm.Length; offset += encoder.FrameLength)
        {
            int length = encoder.Encode(pcm.Slice(offset, encoder.FrameLength), buffer);
            packets.Add(buffer.AsSpan(0, length).ToArray());
        }

        return packets;
    }

    private static short[] RoundTrip(short[] pcm, OpusEncoderOptions options, OpusCodecBackend decoderBackend)
    {
        List<byte[]> packets = Encode(pcm, options);
        using var decoder = new OpusAudioDecoder(backend: decoderBackend);
        var decoded = new short[packets.Count * Frame];
        for (int i = 0; i < packets.Count; i++)
        {
            Assert.Equal(Frame, decoder.Decode(packets[i], decoded.AsSpan(i * Frame, Frame)));
        }

        return decoded;
    }

    private static OpusAudioDecoder DecoderUpTo(List<byte[]> packets, int count)
    {
        var decoder = new OpusAudioDecoder();
        var pcm = new short[Frame];
        for (int i = 0; i < count; i++)
        {
            decoder.Decode(packets[i], pcm);
        }

        return decoder;
    }

    private static double Correlation(ReadOnlySpan<short> reference, ReadOnlySpan<short> candidate)
    {
        var a = new double[reference.Length];
        var b = new double[candidate.Length];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = reference[i];
            b[i] = candidate[i];
        }

        return AudioSimilarity.NormalizedCrossCorrelation(a, b, 0);
    }
}
