using VanYen.Media.Engine.Forwarding;

namespace VanYen.Media.Engine.Tests.Forwarding;

public sealed class CallQualityMathTests
{
    [Fact]
    public void BitrateIsBytesTimesEightOverTheWindow()
    {
        Assert.Equal(400_000, CallQualityMath.BitsPerSecond(100_000, TimeSpan.FromSeconds(2)), 6);
        Assert.Equal(0, CallQualityMath.BitsPerSecond(100, TimeSpan.Zero));
    }

    [Fact]
    public void LossIsLostOverExpectedAndNeverNegative()
    {
        Assert.Equal(0.05, CallQualityMath.LossFraction(200, 190), 6);
        Assert.Equal(0, CallQualityMath.LossFraction(100, 103));
        Assert.Equal(0, CallQualityMath.LossFraction(0, 0));
    }

    [Fact]
    public void ReportBlockFieldsBecomePlainUnits()
    {
        Assert.Equal(0.25, CallQualityMath.FromFractionLost(64), 6);
        Assert.Equal(20, CallQualityMath.JitterMilliseconds(960, 48_000), 6);
        Assert.Equal(10, CallQualityMath.JitterMilliseconds(900, 90_000), 6);
    }
}
