using System.Globalization;

namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>How received audio matches a looped source (see <see cref="LoopCorrelation.Measure"/>).</summary>
/// <param name="Correlation">Normalized cross-correlation of one period at the best shift.</param>
/// <param name="Shift">That shift, in samples.</param>
/// <param name="Segmental">Energy-weighted mean of 200 ms windows' correlations, each at its own best lag.</param>
internal sealed record LoopMatch(double Correlation, int Shift, double Segmental)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"correlation {Correlation:F3} at shift {Shift}, segmental {Segmental:F3}");
}
