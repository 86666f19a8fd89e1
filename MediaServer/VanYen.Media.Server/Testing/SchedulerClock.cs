using Microsoft.Extensions.Options;

namespace VanYen.Media.Server.Testing;

/// <summary>
/// The time the broadcast scheduler runs on: the server's <see cref="TimeProvider"/>, or, with
/// <see cref="TestingOptions.ClockControl"/>, an <see cref="AdjustableTimeProvider"/> over it that tests move forward.
/// </summary>
public sealed class SchedulerClock
{
    public SchedulerClock(TimeProvider time, IOptions<TestingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        Adjustable = options.Value.ClockControl ? new AdjustableTimeProvider(time) : null;
        Time = Adjustable ?? time;
    }

    /// <summary>The scheduler's time.</summary>
    public TimeProvider Time { get; }

    /// <summary>The movable clock when clock control is on; null otherwise.</summary>
    public AdjustableTimeProvider? Adjustable { get; }
}
