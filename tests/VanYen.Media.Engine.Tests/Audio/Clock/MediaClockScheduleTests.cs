using VanYen.Media.Engine.Audio.Clock;

namespace VanYen.Media.Engine.Tests.Audio.Clock;

public sealed class MediaClockScheduleTests
{
    private const long Period = 20;

    [Fact]
    public void DeadlinesComeFromTheStartNotFromWhenThePreviousTickRan()
    {
        var schedule = new MediaClockSchedule(startTimestamp: 1000, Period);

        Assert.False(schedule.TryTakeDueTick(990, out _, out long wait));
        Assert.Equal(10, wait);
        Assert.True(schedule.TryTakeDueTick(1007, out long first, out _));
        Assert.Equal(0, first);

        // Tick 0 ran 7 late; tick 1 is still due at 1020, not at 1027.
        Assert.False(schedule.TryTakeDueTick(1015, out _, out wait));
        Assert.Equal(5, wait);
        Assert.True(schedule.TryTakeDueTick(1020, out long second, out _));
        Assert.Equal(1, second);
        Assert.Equal(1040, schedule.NextDeadline);
        Assert.Equal(0, schedule.LateTicks);
    }

    [Fact]
    public void AfterAShortStallMissedTicksRunBackToBackAndAreCountedLate()
    {
        var schedule = new MediaClockSchedule(0, Period, maxCatchUpTicks: 5);
        Assert.True(schedule.TryTakeDueTick(0, out _, out _));

        var ran = new List<long>();
        while (schedule.TryTakeDueTick(75, out long tick, out _))
        {
            ran.Add(tick);
        }

        Assert.Equal([1, 2, 3], ran);
        Assert.Equal(2, schedule.LateTicks);
        Assert.Equal(0, schedule.SkippedTicks);
        Assert.Equal(80, schedule.NextDeadline);
    }

    [Fact]
    public void AfterALongStallOldTicksAreSkippedAndCounted()
    {
        var schedule = new MediaClockSchedule(0, Period, maxCatchUpTicks: 2);
        Assert.True(schedule.TryTakeDueTick(0, out _, out _));

        Assert.True(schedule.TryTakeDueTick(1005, out long tick, out _));

        Assert.Equal(50, tick);
        Assert.Equal(49, schedule.SkippedTicks);
        Assert.Equal(1020, schedule.NextDeadline);
        Assert.False(schedule.TryTakeDueTick(1005, out _, out long wait));
        Assert.Equal(15, wait);
    }

    [Fact]
    public void OverManyTicksTheScheduleDoesNotDrift()
    {
        var schedule = new MediaClockSchedule(0, Period);
        var random = new Random(5);
        long now = 0;
        long ticks = 0;
        while (now < 1_000_000)
        {
            if (schedule.TryTakeDueTick(now, out _, out long wait))
            {
                ticks++;
            }
            else
            {
                now += wait + random.Next(0, 8);
            }
        }

        Assert.Equal(1_000_000 / Period, schedule.NextTick - 1, tolerance: 1);
        Assert.Equal(schedule.NextTick, ticks);
    }

    [Fact]
    public void TheClockThreadCallsHandlersInOrderAndSurvivesAThrowingOne()
    {
        using var clock = new MediaClock(TimeSpan.FromMilliseconds(5));
        var counter = new CountingHandler();
        var thrower = new ThrowingHandler();
        clock.Add(thrower);
        clock.Add(counter);
        clock.Start();

        Assert.True(counter.Reached.Wait(TimeSpan.FromSeconds(10)));
        Assert.True(clock.HandlerErrors >= 10);
        Assert.True(clock.Remove(counter));
        Assert.False(clock.Remove(counter));
    }

    private sealed class CountingHandler : IMediaClockHandler
    {
        private int _ticks;

        public ManualResetEventSlim Reached { get; } = new();

        public void OnTick(long tick)
        {
            if (Interlocked.Increment(ref _ticks) == 10)
            {
                Reached.Set();
            }
        }
    }

    private sealed class ThrowingHandler : IMediaClockHandler
    {
        public void OnTick(long tick) => throw new InvalidOperationException("handler failure");
    }
}
