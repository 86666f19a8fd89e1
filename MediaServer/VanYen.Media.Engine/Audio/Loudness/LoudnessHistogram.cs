namespace VanYen.Media.Engine.Audio.Loudness;

/// <summary>
/// A bounded record of block loudness values for gated measures over programmes of any length
/// (the histogram approach EBU Tech 3341 allows): per 0.05 LU bin, the block count and the exact sum
/// of the blocks' mean-square energies, so memory stays fixed however long the programme runs.
/// </summary>
internal sealed class LoudnessHistogram
{
    /// <summary>Lowest loudness kept: the absolute gate of BS.1770-4 §5.1 and EBU Tech 3342.</summary>
    public const double AbsoluteGate = -70;

    /// <summary>Highest bin's lower edge region: a full-scale 16-bit signal stays below +4 LUFS.</summary>
    public const double Ceiling = 10;

    /// <summary>Bin width in LU.</summary>
    public const double BinWidth = 0.05;

    private const int BinCount = (int)((Ceiling - AbsoluteGate) / BinWidth);

    private readonly long[] _counts = new long[BinCount];
    private readonly double[] _energies = new double[BinCount];
    private long _count;
    private double _energy;

    /// <summary>Blocks kept (those above the absolute gate).</summary>
    public long Count => _count;

    /// <summary>Adds one block by its mean-square energy; blocks at or below the absolute gate are left out.</summary>
    public void Add(double energy, double loudness)
    {
        if (!(loudness > AbsoluteGate))
        {
            return;
        }

        int bin = BinOf(loudness);
        _counts[bin]++;
        _energies[bin] += energy;
        _count++;
        _energy += energy;
    }

    /// <summary>Forgets every block.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        Array.Clear(_energies);
        _count = 0;
        _energy = 0;
    }

    /// <summary>
    /// The gated loudness of BS.1770-4 §5.1: the mean energy of the blocks above the relative gate,
    /// itself <paramref name="relativeGate"/> LU below the mean of the blocks above the absolute gate.
    /// </summary>
    /// <returns>The loudness in LUFS, or negative infinity when no block passes the gates.</returns>
    public double GatedLoudness(double relativeGate)
    {
        double threshold = RelativeThreshold(relativeGate);
        if (double.IsNegativeInfinity(threshold))
        {
            return double.NegativeInfinity;
        }

        long count = 0;
        double energy = 0;
        for (int bin = 0; bin < BinCount; bin++)
        {
            // A bin holds blocks within 0.05 LU of each other: judge it by its mean block loudness.
            if (_counts[bin] > 0 && LoudnessMeter.LoudnessOf(_energies[bin] / _counts[bin]) > threshold)
            {
                count += _counts[bin];
                energy += _energies[bin];
            }
        }

        return count == 0 ? double.NegativeInfinity : LoudnessMeter.LoudnessOf(energy / count);
    }

    /// <summary>
    /// The loudness range of EBU Tech 3342: the spread between the 10th and 95th percentiles of the
    /// blocks above a relative gate <paramref name="relativeGate"/> LU below their energy mean.
    /// </summary>
    /// <returns>The range in LU; 0 when no block passes the gates.</returns>
    public double Range(double relativeGate, double lowPercentile, double highPercentile)
    {
        double threshold = RelativeThreshold(relativeGate);
        if (double.IsNegativeInfinity(threshold))
        {
            return 0;
        }

        long count = 0;
        int firstBin = BinCount;
        for (int bin = 0; bin < BinCount; bin++)
        {
            if (_counts[bin] > 0 && LoudnessMeter.LoudnessOf(_energies[bin] / _counts[bin]) > threshold)
            {
                firstBin = Math.Min(firstBin, bin);
                count += _counts[bin];
            }
        }

        if (count == 0)
        {
            return 0;
        }

        double low = Percentile(firstBin, count, lowPercentile);
        double high = Percentile(firstBin, count, highPercentile);
        return high - low;
    }

    private double RelativeThreshold(double relativeGate) =>
        _count == 0 ? double.NegativeInfinity : LoudnessMeter.LoudnessOf(_energy / _count) + relativeGate;

    private double Percentile(int firstBin, long count, double percentile)
    {
        // The value of the block ranked at the percentile, as the centre of its bin.
        long rank = (long)Math.Floor((count - 1) * percentile);
        long seen = 0;
        for (int bin = firstBin; bin < BinCount; bin++)
        {
            seen += _counts[bin];
            if (seen > rank)
            {
                return AbsoluteGate + ((bin + 0.5) * BinWidth);
            }
        }

        return Ceiling;
    }

    private static int BinOf(double loudness)
    {
        int bin = (int)((loudness - AbsoluteGate) / BinWidth);
        return Math.Clamp(bin, 0, BinCount - 1);
    }
}
