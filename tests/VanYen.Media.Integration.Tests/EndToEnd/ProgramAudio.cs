using System.Buffers.Binary;
using System.Text;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Integration.Tests.EndToEnd;

/// <summary>What a receiver played of one program, reference WAV files, and how alike two signals are.</summary>
internal static class ProgramAudio
{
    private const int Decimation = 6; // 48 kHz → 8 kHz: enough for speech and the test signal, 36× cheaper to correlate.

    /// <summary>
    /// What the agent played from frame <paramref name="firstFrame"/> on, from its first live frame to its last one
    /// (silent frames between them kept, so the time axis stays that of the program). The frames' program ids are not
    /// used: the server does not announce NowPlaying on program changes yet, see the test class.
    /// </summary>
    public static short[] PlayedSince(ReceiverAgent.ReceiverAgent agent, int firstFrame) => ReferenceReceiver.PlayedSince(agent, firstFrame);

    /// <summary>
    /// The best <see cref="BestCorrelation"/> of half-second windows every half second from 0.5 s on: a late playout
    /// tick or a jitter-buffer underrun on this shared machine shifts what follows, so each window finds its own lag.
    /// </summary>
    public static double BestWindowCorrelation(short[] played, short[] reference)
    {
        double best = 0;
        for (double start = 0.5; start + 0.5 <= Math.Min(played.Length, reference.Length) / 48000.0 && start <= 3.0; start += 0.5)
        {
            best = Math.Max(best, BestCorrelation(played, reference, start, 0.5, 0.5));
        }

        return best;
    }

    /// <summary>The samples of a 16-bit PCM mono WAV (48 kHz expected), found by walking the RIFF chunks.</summary>
    public static short[] ReadWav(byte[] wav)
    {
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        int offset = 12;
        while (offset + 8 <= wav.Length)
        {
            string id = Encoding.ASCII.GetString(wav, offset, 4);
            int length = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(offset + 4));
            if (id == "fmt ")
            {
                Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(offset + 10)));
                Assert.Equal(48000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(offset + 12)));
            }

            if (id == "data")
            {
                length = Math.Min(length, wav.Length - offset - 8);
                var samples = new short[length / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(offset + 8 + (2 * i)));
                }

                return samples;
            }

            offset += 8 + length + (length & 1);
        }

        throw new InvalidDataException("no data chunk in the WAV");
    }

    /// <summary>
    /// The best normalised cross-correlation (−1…1) of <paramref name="window"/> seconds of <paramref name="played"/>
    /// (starting <paramref name="start"/> seconds in) against <paramref name="reference"/> at any lag within
    /// ±<paramref name="maximumLag"/> seconds of the same position: the receiver's start is only known to a few frames
    /// and Opus, loudness normalisation and the limiter change the level, not the shape.
    /// </summary>
    public static double BestCorrelation(short[] played, short[] reference, double start, double window, double maximumLag)
    {
        float[] x = Downsample(played);
        float[] y = Downsample(reference);
        const int rate = 48000 / Decimation;
        int from = (int)(start * rate);
        int length = Math.Min((int)(window * rate), x.Length - from);
        Assert.True(length >= rate / 4, $"only {x.Length / (double)rate:F2} s were played");
        int lags = (int)(maximumLag * rate);
        double xEnergy = 0;
        for (int i = 0; i < length; i++)
        {
            xEnergy += x[from + i] * x[from + i];
        }

        double best = 0;
        for (int lag = -lags; lag <= lags; lag++)
        {
            int yFrom = from + lag;
            if (yFrom < 0 || yFrom + length > y.Length)
            {
                continue;
            }

            double product = 0, yEnergy = 0;
            for (int i = 0; i < length; i++)
            {
                float b = y[yFrom + i];
                product += x[from + i] * b;
                yEnergy += b * b;
            }

            if (xEnergy > 0 && yEnergy > 0)
            {
                best = Math.Max(best, product / Math.Sqrt(xEnergy * yEnergy));
            }
        }

        return best;
    }

    /// <summary>Root mean square of a frame, in sample units.</summary>
    public static double Rms(short[] samples)
    {
        double sum = 0;
        foreach (short sample in samples)
        {
            sum += (double)sample * sample;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }

    private static float[] Downsample(short[] samples)
    {
        var result = new float[samples.Length / Decimation];
        for (int i = 0; i < result.Length; i++)
        {
            int sum = 0;
            for (int k = 0; k < Decimation; k++)
            {
                sum += samples[(i * Decimation) + k];
            }

            result[i] = sum / (float)Decimation;
        }

        return result;
    }
}
