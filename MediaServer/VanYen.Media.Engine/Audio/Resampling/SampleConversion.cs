using System.Numerics;

namespace VanYen.Media.Engine.Audio.Resampling;

/// <summary>Vectorised conversions between 16-bit samples and floats on the same scale (±32768).</summary>
internal static class SampleConversion
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> as floats.</summary>
    public static void ToSingle(ReadOnlySpan<short> source, Span<float> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int lastBlock = source.Length - Vector<short>.Count;
            for (; i <= lastBlock; i += Vector<short>.Count)
            {
                Vector.Widen(new Vector<short>(source[i..]), out Vector<int> low, out Vector<int> high);
                Vector.ConvertToSingle(low).CopyTo(destination[i..]);
                Vector.ConvertToSingle(high).CopyTo(destination[(i + Vector<int>.Count)..]);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    /// <summary>Rounds <paramref name="source"/> to the nearest 16-bit sample, clamping to -32768..32767.</summary>
    public static void ToInt16(ReadOnlySpan<float> source, Span<short> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var minimum = new Vector<float>(short.MinValue);
            var maximum = new Vector<float>(short.MaxValue);
            int lastBlock = source.Length - Vector<short>.Count;
            for (; i <= lastBlock; i += Vector<short>.Count)
            {
                // Clamp as floats first so the conversion to int never sees an out-of-range value.
                Vector<float> low = Vector.Min(Vector.Max(Vector.Round(new Vector<float>(source[i..])), minimum), maximum);
                Vector<float> high = Vector.Min(Vector.Max(Vector.Round(new Vector<float>(source[(i + Vector<float>.Count)..])), minimum), maximum);
                Vector.Narrow(Vector.ConvertToInt32(low), Vector.ConvertToInt32(high)).CopyTo(destination[i..]);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = (short)Math.Clamp(MathF.Round(source[i]), short.MinValue, short.MaxValue);
        }
    }
}
