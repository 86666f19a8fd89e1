using VanYen.Media.Server.Testing;

namespace VanYen.Media.Integration.Tests.Testing;

public class AdjustableTimeProviderTests
{
    [Fact]
    public async Task AdvancingPastATimersDueTimeFiresItAndMovesNowButNotTheInnerClock()
    {
        var clock = new AdjustableTimeProvider(TimeProvider.System);
        DateTimeOffset realBefore = TimeProvider.System.GetUtcNow();

        Task delay = Task.Delay(TimeSpan.FromHours(1), clock);
        await Task.Delay(100);
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(200);
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.InRange(clock.GetUtcNow() - realBefore, TimeSpan.FromHours(1), TimeSpan.FromHours(1) + TimeSpan.FromSeconds(10));
        Assert.InRange(TimeProvider.System.GetUtcNow() - realBefore, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ATimerKeepsItsPeriodOnTheMovedClock()
    {
        var clock = new AdjustableTimeProvider(TimeProvider.System);
        int fired = 0;
        using ITimer timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        clock.Advance(TimeSpan.FromHours(1));
        await WaitForAsync(() => Volatile.Read(ref fired) == 1);
        clock.Advance(TimeSpan.FromHours(1));
        await WaitForAsync(() => Volatile.Read(ref fired) == 2);

        Assert.Equal(2, Volatile.Read(ref fired));
    }

    [Fact]
    public void ItCannotGoBackwards() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdjustableTimeProvider(TimeProvider.System).Advance(TimeSpan.FromSeconds(-1)));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (int i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the timer did not fire");
    }
}
