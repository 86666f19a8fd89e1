using System.Numerics;

namespace VanYen.Media.Engine.Audio.Mixing;

/// <summary>
/// The mixing kernels: widen 16-bit samples into 32-bit sums, then narrow back
/// with saturation, so a loud mix clips instead of wrapping around. Each has a
/// scalar twin used as the reference in tests and as the benchmark baseline.
/// </summary>
internal static class SaturatingMix
{
    /// <summary>Gains are fixed point with this many fraction bits: 4096 is unity.</summary>
    public const int GainFractionBits = 12;

    /// <summary>Unity gain in fixed point.</summary>
    public const int UnityGain = 1 << GainFractionBits;

    /// <summary>Largest gain in fixed point (×8); keeps sample × gain within 32 bits.</summary>
    public const int MaximumGain = 8 << GainFractionBits;

    /// <summary>Writes each sample × gain into <paramref name="contribution"/> and adds it to <paramref name="sum"/>.</summary>
    public static void Accumulate(ReadOnlySpan<short> source, int gain, Span<int> contribution, Span<int> sum)
    {
        int length = source.Length;
        if (contribution.Length < length || sum.Length < length)
        {
            ThrowTooShort();
        }

        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var gainVector = new Vector<int>(gain);
            int lastBlock = length - Vector<short>.Count;
            for (; i <= lastBlock; i += Vector<short>.Count)
            {
                Vector.Widen(new Vector<short>(source[i..]), out Vector<int> low, out Vector<int> high);
                if (gain != UnityGain)
                {
                    low = (low * gainVector) >> GainFractionBits;
                    high = (high * gainVector) >> GainFractionBits;
                }

                int j = i + Vector<int>.Count;
                low.CopyTo(contribution[i..]);
                high.CopyTo(contribution[j..]);
                (new Vector<int>(sum[i..]) + low).CopyTo(sum[i..]);
                (new Vector<int>(sum[j..]) + high).CopyTo(sum[j..]);
            }
        }

        for (; i < length; i++)
        {
            int value = (source[i] * gain) >> GainFractionBits;
            contribution[i] = value;
            sum[i] += value;
        }
    }

    /// <summary>Narrows <paramref name="sum"/> into 16-bit samples, clamping to -32768..32767.</summary>
    public static void Narrow(ReadOnlySpan<int> sum, Span<short> destination) =>
        NarrowDifference(sum, default, destination);

    /// <summary>
    /// Narrows <paramref name="sum"/> − <paramref name="own"/> (or <paramref name="sum"/> alone when
    /// <paramref name="own"/> is empty) into 16-bit samples with saturation: a talker's mix-minus is the
    /// full sum less its own contribution, taken in 32 bits before clamping so nothing of it is left.
    /// </summary>
    public static void NarrowDifference(ReadOnlySpan<int> sum, ReadOnlySpan<int> own, Span<short> destination)
    {
        int length = destination.Length;
        bool subtract = !own.IsEmpty;
        if (sum.Length < length || (subtract && own.Length < length))
        {
            ThrowTooShort();
        }

        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var minimum = new Vector<int>(short.MinValue);
            var maximum = new Vector<int>(short.MaxValue);
            int lastBlock = length - Vector<short>.Count;
            for (; i <= lastBlock; i += Vector<short>.Count)
            {
                int j = i + Vector<int>.Count;
                var low = new Vector<int>(sum[i..]);
                var high = new Vector<int>(sum[j..]);
                if (subtract)
                {
                    low -= new Vector<int>(own[i..]);
                    high -= new Vector<int>(own[j..]);
                }

                low = Vector.Min(Vector.Max(low, minimum), maximum);
                high = Vector.Min(Vector.Max(high, minimum), maximum);
                Vector.Narrow(low, high).CopyTo(destination[i..]);
            }
        }

        for (; i < length; i++)
        {
            int value = subtract ? sum[i] - own[i] : sum[i];
            destination[i] = (short)Math.Clamp(value, short.MinValue, short.MaxValue);
        }
    }

    /// <summary>Scalar reference for <see cref="Accumulate"/>.</summary>
    public static void AccumulateScalar(ReadOnlySpan<short> source, int gain, Span<int> contribution, Span<int> sum)
    {
        for (int i = 0; i < source.Length; i++)
        {
            int value = (source[i] * gain) >> GainFractionBits;
            contribution[i] = value;
            sum[i] += value;
        }
    }

    /// <summary>Scalar reference for <see cref="NarrowDifference"/>.</summary>
    public static void NarrowDifferenceScalar(ReadOnlySpan<int> sum, ReadOnlySpan<int> own, Span<short> destination)
    {
        bool subtract = !own.IsEmpty;
        for (int i = 0; i < destination.Length; i++)
        {
            int value = subtract ? sum[i] - own[i] : sum[i];
            destination[i] = (short)Math.Clamp(value, short.MinValue, short.MaxValue);
        }
    }

    private static void ThrowTooShort() =>
        throw new ArgumentException("A destination span is shorter than the source.");
}
