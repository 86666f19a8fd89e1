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

    /// <summary>Fails unless <paramref name="operation"/> allocates nothing in steady state.</summary>
    public static void AssertZero(Action operation, int iterations = 10_000)
    {
        double perOperation = BytesPerOperation(operation, iterations);
        Assert.True(perOperation == 0, $"expected 0 B per operation, measured {perOperation:F2} B");
    }
}
