using System.Numerics;

namespace VanYen.Media.Engine.Audio.Levels;

/// <summary>
/// Measures the RFC 6464 audio level (-dBov) of 16-bit PCM frames and keeps a
/// smoothed energy (fast attack, slow release) that ranks talkers steadily
/// across the short pauses of speech.
/// </summary>
/// <remarks>
/// RFC 6464 §4: the level is the RMS of the frame relative to the overload
/// point, which for 16-bit PCM is the RMS of a full-scale square wave (32768),
/// so a full-scale square is 0 dBov and a full-scale sine about -3 dBov.
/// Digital silence is 127. The static members are pure; an instance is for one
/// stream and one thread.
/// </remarks>
public sealed class AudioLevelMeter
{
    /// <summary>Mean square of a full-scale square wave: the overload point.</summary>
    public const double OverloadMeanSquare = 32768.0 * 32768.0;

    private readonly double _attack;
    private readonly double _release;

    /// <summary>
    /// Creates a meter. <paramref name="attack"/> and <paramref name="release"/> are the fractions
    /// (0 to 1] of the gap closed per frame when the energy rises or falls.
    /// </summary>
    public AudioLevelMeter(double attack = 0.6, double release = 0.08)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attack);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attack, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(release);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(release, 1.0);
        _attack = attack;
        _release = release;
    }

    /// <summary>The level (-dBov) of the last measured frame; 127 before the first.</summary>
    public byte Level { get; private set; } = AudioLevel.MaximumLevel;

    /// <summary>Mean square of the last measured frame.</summary>
    public double MeanSquare { get; private set; }

    /// <summary>Mean square smoothed over recent frames: rises quickly with speech, decays slowly in pauses.</summary>
    public double SmoothedEnergy { get; private set; }

    /// <summary>The smoothed energy as a level in -dBov.</summary>
    public byte SmoothedLevel => LevelFromMeanSquare(SmoothedEnergy);

    /// <summary>Measures one frame, updates <see cref="Level"/> and <see cref="SmoothedEnergy"/>, and returns the level.</summary>
    public byte Measure(ReadOnlySpan<short> samples)
    {
        double meanSquare = ComputeMeanSquare(samples);
        double factor = meanSquare > SmoothedEnergy ? _attack : _release;
        SmoothedEnergy += (meanSquare - SmoothedEnergy) * factor;
        MeanSquare = meanSquare;
        Level = LevelFromMeanSquare(meanSquare);
        return Level;
    }

    /// <summary>Forgets the history, e.g. when the stream restarts.</summary>
    public void Reset()
    {
        Level = AudioLevel.MaximumLevel;
        MeanSquare = 0;
        SmoothedEnergy = 0;
    }

    /// <summary>The RFC 6464 level (-dBov, 0..127) of <paramref name="samples"/>; 127 for digital silence or no samples.</summary>
    public static byte MeasureLevel(ReadOnlySpan<short> samples) => LevelFromMeanSquare(ComputeMeanSquare(samples));

    /// <summary>Mean of the squared samples; 0 for no samples.</summary>
    public static double ComputeMeanSquare(ReadOnlySpan<short> samples) =>
        samples.IsEmpty ? 0 : SumOfSquares(samples) / (double)samples.Length;

    /// <summary>Converts a mean square to -dBov rounded to the nearest integer and clamped to 0..127 (RFC 6464 §4).</summary>
    public static byte LevelFromMeanSquare(double meanSquare)
    {
        if (!(meanSquare > 0))
        {
            return AudioLevel.MaximumLevel;
        }

        double minusDbov = -10.0 * Math.Log10(meanSquare / OverloadMeanSquare);
        if (minusDbov <= 0)
        {
            return 0;
        }

        return minusDbov >= AudioLevel.MaximumLevel ? AudioLevel.MaximumLevel : (byte)Math.Round(minusDbov);
    }

    /// <summary>The exact sum of squared samples, vectorised.</summary>
    public static long SumOfSquares(ReadOnlySpan<short> samples)
    {
        int i = 0;
        long total = 0;
        if (Vector.IsHardwareAccelerated && samples.Length >= Vector<short>.Count)
        {
            Vector<ulong> accumulator = Vector<ulong>.Zero;
            int lastBlock = samples.Length - Vector<short>.Count;
            for (; i <= lastBlock; i += Vector<short>.Count)
            {
                Vector.Widen(new Vector<short>(samples[i..]), out Vector<int> low, out Vector<int> high);

                // Each square is at most 2^30, so the sum of two fits in 32 unsigned bits before widening.
                Vector<uint> pairSum = Vector.AsVectorUInt32(low * low) + Vector.AsVectorUInt32(high * high);
                Vector.Widen(pairSum, out Vector<ulong> pairLow, out Vector<ulong> pairHigh);
                accumulator += pairLow + pairHigh;
            }

            total = (long)Vector.Sum(accumulator);
        }

        for (; i < samples.Length; i++)
        {
            int sample = samples[i];
            total += sample * sample;
        }

        return total;
    }
}
