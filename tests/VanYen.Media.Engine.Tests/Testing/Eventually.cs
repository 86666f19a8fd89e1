using System.Diagnostics;

namespace VanYen.Media.Engine.Tests.Testing;

/// <summary>
/// Waits for what another thread makes true a moment later: a socket's send counter is incremented after the kernel
/// took the datagram, so the peer can read the datagram before the counter moves.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Polls <paramref name="actual"/> until it equals <paramref name="expected"/>, then asserts it (fails with the last value after the timeout).</summary>
    public static async Task EqualAsync<T>(T expected, Func<T> actual, TimeSpan? timeout = null)
    {
        var elapsed = Stopwatch.StartNew();
        while (!EqualityComparer<T>.Default.Equals(expected, actual()) && elapsed.Elapsed < (timeout ?? DefaultTimeout))
        {
            await Task.Delay(5);
        }

        Assert.Equal(expected, actual());
    }
}
