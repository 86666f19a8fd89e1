using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;

namespace VanYen.Media.Engine.Tests.Sources.Files;

public class OggOpusFileSourceTests
{
    [Fact]
    public async Task ThePreSkipIsDroppedSoTheAudioLinesUpWithWhatWasEncoded()
    {
        // 0.1 s of silence, then a chirp rising from 200 Hz to 2 kHz: it lines up with its decoding at one delay only.
        short[] input = new short[48000];
        for (int i = 4800; i < input.Length; i++)
        {
            double t = (i - 4800) / 48000.0;
            input[i] = (short)(10000 * Math.Sin(2 * Math.PI * ((200 * t) + (1000 * t * t))));
        }

        using var stream = new MemoryStream();
        Encode(input, stream);
        stream.Position = 0;
        await using OggOpusFileSource source = OggOpusFileSource.Open(stream);
        (short[] decoded, int frames) = await AudioAnalysis.ReadAllAsync(source.ReadFrameAsync);

        // RFC 7845 §4.2: 50 packets of 960 samples minus the 312-sample pre-skip.
        Assert.Equal(48000 - OpusHead.DefaultPreSkip, source.DecodedSampleCount);
        Assert.Equal(50, frames);
        int delay = BestDelay(input, decoded, -400, 400);
        Assert.InRange(delay, -3, 3);
    }

    [Fact]
    public async Task SixtyMillisecondPacketsAreRecutInto20MillisecondFramesAndTheEndIsTrimmed()
    {
        using var files = new MediaTestFiles();
        // 1.01 s is not a whole number of 60 ms packets: ffmpeg pads the last one and trims it by the final granule.
        string path = files.Tone("tone.opus", 1000, 1.01, -6, "-c:a", "libopus", "-frame_duration", "60");

        await using OggOpusFileSource source = OggOpusFileSource.Open(path);
        (short[] decoded, int frames) = await AudioAnalysis.ReadAllAsync(source.ReadFrameAsync);

        Assert.Equal(48480, source.DecodedSampleCount);
        Assert.Equal(51, frames);
        Assert.Equal(1000, AudioAnalysis.ToneFrequency(decoded.AsSpan(4800, 38400)), 5.0);
        Assert.Equal(AudioSourceReadResult.EndOfStream, await source.ReadFrameAsync(new short[960]));
    }

    [Fact]
    public async Task TheHeadersOutputGainIsApplied()
    {
        short[] input = new short[9600];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 48000));
        }

        using var plain = new MemoryStream();
        using var louder = new MemoryStream();
        Encode(input, plain);
        // RFC 7845 §5.1: Q7.8 dB, +6.02 dB doubles the amplitude.
        Encode(input, louder, outputGain: (short)Math.Round(20 * Math.Log10(2) * 256));
        plain.Position = 0;
        louder.Position = 0;

        await using OggOpusFileSource plainSource = OggOpusFileSource.Open(plain);
        await using OggOpusFileSource louderSource = OggOpusFileSource.Open(louder);
        (short[] a, _) = await AudioAnalysis.ReadAllAsync(plainSource.ReadFrameAsync);
        (short[] b, _) = await AudioAnalysis.ReadAllAsync(louderSource.ReadFrameAsync);

        Assert.Equal(2.0, Rms(b.AsSpan(2000, 6000)) / Rms(a.AsSpan(2000, 6000)), 0.01);
    }

    [Fact]
    public void AFileThatIsNotOggOpusIsRefusedWithTheReason()
    {
        var exception = Assert.Throws<InvalidDataException>(() => OggOpusFileSource.Open(new MemoryStream("not ogg at all"u8.ToArray())));
        Assert.False(string.IsNullOrEmpty(exception.Message));
    }

    private static void Encode(short[] input, Stream destination, short outputGain = 0)
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Application = OpusEncoderApplication.Audio, Bitrate = 64000 });
        using var writer = new OggOpusWriter(destination, new OggOpusWriterOptions { OutputGain = outputGain, SerialNumber = 1 }, leaveOpen: true);
        var packet = new byte[1275];
        for (int offset = 0; offset < input.Length; offset += 960)
        {
            int length = encoder.Encode(input.AsSpan(offset, 960), packet);
            writer.WritePacket(packet.AsSpan(0, length));
        }

        writer.Complete();
    }

    private static int BestDelay(short[] reference, short[] decoded, int minimum, int maximum)
    {
        double best = double.MinValue;
        int bestDelay = 0;
        for (int delay = minimum; delay <= maximum; delay++)
        {
            double sum = 0;
            for (int i = 6000; i < 40000; i++)
            {
                sum += (double)reference[i] * decoded[i + delay];
            }

            if (sum > best)
            {
                best = sum;
                bestDelay = delay;
            }
        }

        return bestDelay;
    }

    private static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short sample in samples)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / samples.Length);
    }
}
