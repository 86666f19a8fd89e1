namespace VanYen.Media.Server.Auth;

/// <summary>
/// Counts failed logins per username: after <see cref="MaxFailures"/> failures within <see cref="Window"/>,
/// further attempts for that username are refused (HTTP 429) until the oldest failure leaves the window.
/// A PBKDF2 check costs ~0.3 s of CPU, so this also keeps password guessing from loading the server.
/// </summary>
public sealed class LoginThrottle
{
    /// <summary>Failures allowed per username within <see cref="Window"/>.</summary>
    public const int MaxFailures = 5;

    /// <summary>The sliding window failures are counted in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Above this many tracked usernames, stale ones are swept, so random usernames cannot grow the table without bound.
    private const int SweepThreshold = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public LoginThrottle(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Whether <paramref name="username"/> may try now; if not, how long until it may.</summary>
    public bool TryAllow(string username, out TimeSpan retryAfter)
    {
        string key = Key(username);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            retryAfter = TimeSpan.Zero;
            if (!_failures.TryGetValue(key, out var failures))
            {
                return true;
            }

            Expire(failures, now);
            if (failures.Count < MaxFailures)
            {
                return true;
            }

            retryAfter = failures.Peek() + Window - now;
            return false;
        }
    }

    /// <summary>Counts a failed attempt.</summary>
    public void RecordFailure(string username)
    {
        string key = Key(username);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_failures.Count >= SweepThreshold)
            {
                Sweep(now);
            }

            if (!_failures.TryGetValue(key, out var failures))
            {
                failures = new Queue<DateTimeOffset>();
                _failures.Add(key, failures);
            }

            Expire(failures, now);
            failures.Enqueue(now);
        }
    }

    /// <summary>Forgets the failures of a username after a successful login.</summary>
    public void Reset(string username)
    {
        string key = Key(username);
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    private static string Key(string username) => (username ?? string.Empty).Trim().ToLowerInvariant();

    private static void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + Window <= now)
        {
            failures.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            Expire(failures, now);
            if (failures.Count == 0)
            {
                _failures.Remove(key);
            }
        }
    }
}
