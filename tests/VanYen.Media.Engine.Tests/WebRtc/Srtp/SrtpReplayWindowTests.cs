using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public class SrtpReplayWindowTests
{
    [Fact]
    public void EveryIndexIsAcceptedOnceInAnyOrderWithinTheWindow()
    {
        var window = new SrtpReplayWindow(128);
        var random = new Random(332);
        int[] order = Enumerable.Range(1000, 128).OrderBy(_ => random.Next()).ToArray();
        window.Accept(1127);
        foreach (int index in order)
        {
            if (index == 1127)
            {
                continue;
            }

            Assert.Equal(SrtpUnprotectResult.Ok, window.Check(index));
            window.Accept(index);
            Assert.Equal(SrtpUnprotectResult.ReplayDetected, window.Check(index));
        }
    }

    [Fact]
    public void IndicesAWindowOrMoreBehindAreTooOld()
    {
        var window = new SrtpReplayWindow(64);
        window.Accept(100);
        Assert.Equal(SrtpUnprotectResult.Ok, window.Check(37));
        Assert.Equal(SrtpUnprotectResult.TooOld, window.Check(36));
    }

    [Fact]
    public void SlidingForwardForgetsTheSlotsItReuses()
    {
        var window = new SrtpReplayWindow(64);
        window.Accept(10);
        window.Accept(11);
        window.Accept(74); // slot of 10 is reused by 74; 11's slot now stands for 75
        Assert.Equal(SrtpUnprotectResult.TooOld, window.Check(10));
        Assert.Equal(SrtpUnprotectResult.Ok, window.Check(73));
        Assert.Equal(SrtpUnprotectResult.ReplayDetected, window.Check(74));
        window.Accept(75);
        Assert.Equal(SrtpUnprotectResult.ReplayDetected, window.Check(75));
        Assert.Equal(SrtpUnprotectResult.Ok, window.Check(12));
    }

    [Fact]
    public void AJumpLargerThanTheWindowClearsIt()
    {
        var window = new SrtpReplayWindow(64);
        for (int i = 0; i < 64; i++)
        {
            window.Accept(i);
        }

        window.Accept(1000);
        for (int i = 937; i < 1000; i++)
        {
            Assert.Equal(SrtpUnprotectResult.Ok, window.Check(i));
        }
    }

    [Theory]
    [InlineData(32)]
    [InlineData(100)]
    public void TheSizeMustBeAPowerOfTwoOfAtLeast64(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SrtpReplayWindow(size));
    }
}
