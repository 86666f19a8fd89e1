namespace VanYen.Media.Engine.Audio.Resampling;

/// <summary>Converts 16-bit PCM between mono and interleaved stereo.</summary>
public static class ChannelConverter
{
    /// <summary>
    /// Averages each left/right pair of <paramref name="stereo"/> into <paramref name="mono"/> and
    /// returns the samples written (half the input). The average cannot overflow.
    /// </summary>
    public static int StereoToMono(ReadOnlySpan<short> stereo, Span<short> mono)
    {
        int frames = stereo.Length / 2;
        if (mono.Length < frames)
        {
            ThrowTooShort(nameof(mono));
        }

        for (int i = 0; i < frames; i++)
        {
            // Arithmetic shift rounds toward minus infinity, which is bias-free enough for audio and never clips.
            mono[i] = (short)((stereo[2 * i] + stereo[(2 * i) + 1]) >> 1);
        }

        return frames;
    }

    /// <summary>Copies each sample of <paramref name="mono"/> to both channels of <paramref name="stereo"/> and returns the samples written (twice the input).</summary>
    public static int MonoToStereo(ReadOnlySpan<short> mono, Span<short> stereo)
    {
        if (stereo.Length < mono.Length * 2)
        {
            ThrowTooShort(nameof(stereo));
        }

        // Backwards, so a caller may expand in place when mono is the start of stereo.
        for (int i = mono.Length - 1; i >= 0; i--)
        {
            short sample = mono[i];
            stereo[2 * i] = sample;
            stereo[(2 * i) + 1] = sample;
        }

        return mono.Length * 2;
    }

    private static void ThrowTooShort(string name) =>
        throw new ArgumentException("The destination span is too short.", name);
}
