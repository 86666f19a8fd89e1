namespace VanYen.Media.Engine.Tests.Testing;

/// <summary>
/// Measures what a hot-path operation allocates on the calling thread, so a
/// test can hold it to a budget (0 B per packet or frame) and a regression fails CI.
/// </summary>
internal static class AllocationBudget
{
    /// <summary>Runs <paramref name="operation"/> to warm it up, then returns the bytes allocated per call over <paramref name="iterations"/> calls.</summary>
    public static double BytesPerOperation(Action operation, int iterations = 10_000, int warmup = 1_000)
    {
        for (int i = 0; i < warmup; i++)
        {
            operation();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < iterations; i++)
        {
            operation();
        }

        long after = GC.GetAllocatedBytesForCurrentThread();
        return (after - before) / (double)iterations;
    }

    /// <summary>
    /// Fails unless <paramref name="operation"/> allocates nothing in steady state. A one-off allocation inside the
    /// first measurement (a <see cref="Lock"/> creates its wait event the first time another thread contends for it,
    /// which only happens on a busy machine) is not steady state: then the measurement is repeated once, and a real
    /// per-call allocation fails both.
    /// </summary>
    public static void AssertZero(Action operation, int iterations = 10_000)
    {
        double first = BytesPerOperation(operation, iterations);
        if (first == 0)
        {
            return;
        }

        double second = BytesPerOperation(operation, iterations, warmup: 0);
        Assert.True(second == 0, $"expected 0 B per operation, measured {first:F2} B and then {second:F2} B");
    }
}
