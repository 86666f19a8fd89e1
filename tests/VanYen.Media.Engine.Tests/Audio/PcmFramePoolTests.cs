using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Audio;

public sealed class PcmFramePoolTests
{
    [Fact]
    public void RentedFrameIsAFull20MillisecondFrameAt48Kilohertz()
    {
        var pool = new PcmFramePool(capacity: 1);

        Assert.True(pool.TryRent(out PcmFrame? frame));

        Assert.Equal(960, frame.SampleCount);
        Assert.Equal(960, frame.Samples.Length);
        Assert.Equal(960, frame.Buffer.Length);
        Assert.Equal(127, frame.Level);
        Assert.False(frame.Voice);
    }

    [Fact]
    public void PoolIsBoundedAndCountsExhaustion()
    {
        var pool = new PcmFramePool(capacity: 2);

        Assert.True(pool.TryRent(out _));
        Assert.True(pool.TryRent(out _));
        Assert.False(pool.TryRent(out PcmFrame? none));
        Assert.False(pool.TryRent(out _));

        Assert.Null(none);
        Assert.Equal(2, pool.ExhaustionCount);
        Assert.Equal(2, pool.RentCount);
        Assert.Equal(2, pool.Created);
        Assert.Equal(0, pool.Available);
    }

    [Fact]
    public void ReturnedFrameIsReusedAndReset()
    {
        var pool = new PcmFramePool(capacity: 4);
        Assert.True(pool.TryRent(out PcmFrame? first));
        first.SampleCount = 480;
        first.Level = 30;
        first.Voice = true;
        first.Samples[0] = 1234;

        first.Return();
        Assert.True(pool.TryRent(out PcmFrame? second));

        Assert.Same(first, second);
        Assert.Equal(1, pool.Created);
        Assert.Equal(960, second.SampleCount);
        Assert.Equal(127, second.Level);
        Assert.False(second.Voice);
    }

    [Fact]
    public void ExhaustedPoolRecoversWhenAFrameIsReturned()
    {
        var pool = new PcmFramePool(capacity: 1);
        Assert.True(pool.TryRent(out PcmFrame? frame));
        Assert.False(pool.TryRent(out _));

        pool.Return(frame);

        Assert.True(pool.TryRent(out PcmFrame? again));
        Assert.Same(frame, again);
        Assert.Equal(1, pool.ExhaustionCount);
    }

    [Fact]
    public void PreallocatedFramesAreCreatedUpFront()
    {
        var pool = new PcmFramePool(capacity: 8, preallocate: 8);

        Assert.Equal(8, pool.Created);
        Assert.Equal(8, pool.Available);
    }

    [Fact]
    public void ReturningTwiceOrToAnotherPoolThrows()
    {
        var pool = new PcmFramePool(capacity: 2);
        var other = new PcmFramePool(capacity: 2);
        Assert.True(pool.TryRent(out PcmFrame? frame));

        Assert.Throws<ArgumentException>(() => other.Return(frame));
        pool.Return(frame);
        Assert.Throws<InvalidOperationException>(() => pool.Return(frame));
        Assert.Equal(2, pool.Available);
    }

    [Fact]
    public void SampleCountOutsideTheFrameIsRejected()
    {
        var frame = new PcmFrame();

        Assert.Throws<ArgumentOutOfRangeException>(() => frame.SampleCount = 961);
        Assert.Throws<ArgumentOutOfRangeException>(() => frame.SampleCount = -1);
        frame.SampleCount = 0;
        Assert.True(frame.Samples.IsEmpty);
    }

    [Fact]
    public void ConcurrentRentAndReturnNeverHandsOutAFrameTwice()
    {
        var pool = new PcmFramePool(capacity: 4);
        var failures = 0;

        Parallel.For(0, 4, worker =>
        {
            for (int i = 0; i < 5_000; i++)
            {
                if (!pool.TryRent(out PcmFrame? frame))
                {
                    continue;
                }

                // The owner marks the frame; another renter of the same frame would change the mark.
                frame.Samples[0] = (short)worker;
                Thread.SpinWait(5);
                if (frame.Samples[0] != worker)
                {
                    Interlocked.Increment(ref failures);
                }

                pool.Return(frame);
            }
        });

        Assert.Equal(0, failures);
        Assert.Equal(4, pool.Available);
        Assert.InRange(pool.Created, 1, 4);
    }

    [Fact]
    public void RentAndReturnAllocateNothingOnceWarm()
    {
        var pool = new PcmFramePool(capacity: 2);

        AllocationBudget.AssertZero(() =>
        {
            if (pool.TryRent(out PcmFrame? frame))
            {
                pool.Return(frame);
            }
        });
    }
}
