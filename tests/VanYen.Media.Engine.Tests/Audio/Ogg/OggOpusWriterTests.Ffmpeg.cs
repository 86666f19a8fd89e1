using System.Buffers.Binary;
using System.Text;
using Concentus;
using Concentus.Enums;
using VanYen.Media.Engine.Audio.Ogg;

namespace VanYen.Media.Engine.Tests.Audio.Ogg;

/// <summary>Interoperability: files written here must decode with ffmpeg's libopus.</summary>
public partial class OggOpusWriterTests
{
    private const int SampleRate = 48000;
    private const int FrameSize = 960;
    private const int FrameCount = 100;
    private const double ToneFrequency = 440;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AConcentusEncodedToneDecodesWithFfmpegToTheSameToneAndLength(bool flushBeforeComplete)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("tone.opus");
        short[] input = CreateTone(FrameSize * FrameCount);
        var options = new OggOpusWriterOptions();
        options.Comments.Add(new KeyValuePair<string, string>("TITLE", "Thử nghiệm"));
        using (var writer = new OggOpusWriter(File.Create(path), options))
        {
            IOpusEncoder encoder = OpusCodecFactory.CreateEncoder(SampleRate, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
            encoder.Bitrate = 32000;
            var packet = new byte[1275];
            for (int frame = 0; frame < FrameCount; frame++)
            {
                int length = encoder.Encode(input.AsSpan(frame * FrameSize, FrameSize), FrameSize, packet, packet.Length);
                writer.WritePacket(packet.AsSpan(0, length));
            }

            if (flushBeforeComplete)
            {
                writer.Flush();
            }

            writer.Complete();
        }

        string probe = Encoding.UTF8.GetString(ExternalTool.Run(
            "ffprobe", "-v", "error", "-show_entries", "stream=codec_name,channels,sample_rate", "-of", "default=nw=1", path));
        Assert.Contains("codec_name=opus", probe, StringComparison.Ordinal);
        Assert.Contains("channels=1", probe, StringComparison.Ordinal);

        byte[] raw = ExternalTool.Run(
            "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-f", "s16le", "-ar", "48000", "-ac", "1", "-");
        short[] decoded = new short[raw.Length / 2];
        for (int index = 0; index < decoded.Length; index++)
        {
            decoded[index] = BinaryPrimitives.ReadInt16LittleEndian(raw.AsSpan(2 * index));
        }

        // RFC 7845 §4.2: the decoder drops the pre-skip, so the output is the granule count minus 312.
        Assert.Equal((FrameSize * FrameCount) - OpusHead.DefaultPreSkip, decoded.Length);
        double rms = RootMeanSquare(decoded.AsSpan(4800, 38400));
        Assert.True(rms > 3000, $"decoded tone is too quiet: RMS {rms:F0}");
        double correlation = BestCorrelation(input, decoded, maxLag: 200);
        Assert.True(correlation > 0.9, $"decoded audio does not match the tone: correlation {correlation:F3}");
    }

    private static short[] CreateTone(int sampleCount)
    {
        var samples = new short[sampleCount];
        for (int index = 0; index < sampleCount; index++)
        {
            samples[index] = (short)(10000 * Math.Sin(2 * Math.PI * ToneFrequency * index / SampleRate));
        }

        return samples;
    }

    private static double RootMeanSquare(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short sample in samples)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Highest normalised cross-correlation over the middle of the signals for lags within ±<paramref name="maxLag"/>.</summary>
    private static double BestCorrelation(short[] reference, short[] decoded, int maxLag)
    {
        const int Start = 4800;
        int length = Math.Min(reference.Length, decoded.Length) - Start - (2 * maxLag);
        double best = -1;
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            double product = 0;
            double referenceEnergy = 0;
            double decodedEnergy = 0;
            for (int index = Start; index < Start + length; index++)
            {
                double a = reference[index];
                double b = decoded[index + lag];
                product += a * b;
                referenceEnergy += a * a;
                decodedEnergy += b * b;
            }

            best = Math.Max(best, product / Math.Sqrt((referenceEnergy * decodedEnergy) + 1));
        }

        return best;
    }
}
