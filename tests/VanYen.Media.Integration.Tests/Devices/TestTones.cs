using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Ogg;

namespace VanYen.Media.Integration.Tests.Devices;

/// <summary>Test signals: a sine tone as PCM or as an Ogg Opus file, and a Goertzel power measure to find it again.</summary>
internal static class TestTones
{
    public static short[] Sine(double frequency, TimeSpan duration, double amplitude = 0.3)
    {
        var samples = new short[(int)(duration.TotalSeconds * 48000)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / 48000));
        }

        return samples;
    }

    public static async Task WriteOggOpusAsync(string path, short[] pcm)
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Channels = 1, Bitrate = 64000, Application = OpusEncoderApplication.Audio });
        await using var file = File.Create(path);
        await using var writer = new OggOpusWriter(file, new OggOpusWriterOptions());
        byte[] packet = new byte[1275];
        for (int offset = 0; offset + 960 <= pcm.Length; offset += 960)
        {
            int length = encoder.Encode(pcm.AsSpan(offset, 960), packet);
            writer.WritePacket(packet.AsSpan(0, length));
        }

        writer.Complete();
    }

    /// <summary>Power of <paramref name="frequency"/> in the samples (Goertzel), normalised by the length.</summary>
    public static double Power(ReadOnlySpan<short> samples, double frequency)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / 48000);
        double previous = 0, beforePrevious = 0;
        foreach (short sample in samples)
        {
            double current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        double power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return power / samples.Length / samples.Length;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short sample in samples)
        {
            sum += (double)sample * sample;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }
}
