using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Tests.Rtp;

public class SequenceNumberUnwrapperTests
{
    [Fact]
    public void ConsecutiveNumbersAcrossTheWrapKeepIncreasing()
    {
        var unwrapper = new SequenceNumberUnwrapper();
        long first = unwrapper.Unwrap(65534);
        Assert.Equal(first + 1, unwrapper.Unwrap(65535));
        Assert.Equal(first + 2, unwrapper.Unwrap(0));
        Assert.Equal(first + 3, unwrapper.Unwrap(1));
    }

    [Fact]
    public void ALatePacketFromBeforeTheWrapIsPlacedBeforeIt()
    {
        var unwrapper = new SequenceNumberUnwrapper();
        long first = unwrapper.Unwrap(65535);
        long afterWrap = unwrapper.Unwrap(2);
        long late = unwrapper.Unwrap(65534);
        Assert.Equal(first + 3, afterWrap);
        Assert.Equal(first - 1, late);
        Assert.Equal(afterWrap, unwrapper.Highest);
    }

    [Fact]
    public void ResetForgetsTheStream()
    {
        var unwrapper = new SequenceNumberUnwrapper();
        unwrapper.Unwrap(100);
        unwrapper.Reset();
        Assert.Equal(-1, unwrapper.Highest);
        Assert.Equal(65536 + 40000, unwrapper.Unwrap(40000));
    }
}
