using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Engine.Tests.Sources.Files;

/// <summary>Measures of decoded audio: all frames of a source, the frequency of a tone.</summary>
internal static class AudioAnalysis
{
    /// <summary>Reads every frame from a ReadFrameAsync-shaped source and returns the samples, with the frame count.</summary>
    public static async Task<(short[] Samples, int Frames)> ReadAllAsync(Func<Memory<short>, CancellationToken, ValueTask<AudioSourceReadResult>> readFrame)
    {
        var samples = new List<short>();
        var frame = new short[960];
        int frames = 0;
        while (await readFrame(frame, CancellationToken.None) == AudioSourceReadResult.Frame)
        {
            samples.AddRange(frame);
            frames++;
            Assert.True(frames < 100_000, "the source never ended");
        }

        return (samples.ToArray(), frames);
    }

    /// <summary>The frequency of a steady tone from its zero crossings, in hertz.</summary>
    public static double ToneFrequency(ReadOnlySpan<short> samples, int sampleRate = 48000)
    {
        int crossings = 0;
        for (int i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings * sampleRate / (2.0 * samples.Length);
    }

    /// <summary>Goertzel power of <paramref name="frequency"/> relative to the signal's energy: near 1 when the signal is that tone.</summary>
    public static double RelativePower(ReadOnlySpan<short> samples, double frequency, int sampleRate = 48000)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        double energy = 0;
        foreach (short sample in samples)
        {
            double current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
            energy += (double)sample * sample;
        }

        double power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return energy == 0 ? 0 : 2 * power / (samples.Length * energy);
    }
}
