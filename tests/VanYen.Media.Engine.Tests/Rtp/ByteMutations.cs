namespace VanYen.Media.Engine.Tests.Rtp;

/// <summary>Seeded hostile inputs for parser property tests: random, bit-flipped, truncated and extended bytes.</summary>
internal static class ByteMutations
{
    /// <summary>Yields <paramref name="count"/> inputs derived from <paramref name="valid"/> with a fixed seed.</summary>
    public static IEnumerable<byte[]> Of(byte[] valid, int seed, int count = 2000)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            yield return (i % 5) switch
            {
                0 => RandomBytes(random, random.Next(0, valid.Length + 16)),
                1 => FlipBits(random, valid),
                2 => valid.AsSpan(0, random.Next(0, valid.Length)).ToArray(),
                3 => Extend(random, valid),
                _ => FlipBits(random, FlipBits(random, valid)),
            };
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] FlipBits(Random random, byte[] source)
    {
        byte[] copy = (byte[])source.Clone();
        if (copy.Length == 0)
        {
            return copy;
        }

        int flips = random.Next(1, 4);
        for (int i = 0; i < flips; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] Extend(Random random, byte[] source)
    {
        byte[] longer = new byte[source.Length + random.Next(1, 64)];
        source.CopyTo(longer, 0);
        random.NextBytes(longer.AsSpan(source.Length));
        return longer;
    }
}
