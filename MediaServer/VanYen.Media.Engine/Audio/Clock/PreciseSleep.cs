using System.Diagnostics;
using System.Runtime.InteropServices;

namespace VanYen.Media.Engine.Audio.Clock;

/// <summary>
/// Sleeps for a sub-millisecond-exact time where the OS allows it: <c>clock_nanosleep(CLOCK_MONOTONIC)</c> on 64-bit
/// Linux, whose high-resolution timers wake a thread within tens of microseconds (the default timer slack is 50 µs).
/// The media clock then needs to spin only the last fraction of a millisecond before each tick instead of the last
/// 1–2 ms (which cost 5–10 % of a core, all the time, since the clock runs from the server's start).
/// </summary>
internal static partial class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>True on 64-bit Linux (where <c>struct timespec</c> is two 64-bit fields); elsewhere sleep in whole milliseconds.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>
    /// Sleeps about <paramref name="stopwatchTicks"/> (<see cref="Stopwatch"/> units). It may return early (a signal):
    /// callers re-read the time and decide again.
    /// </summary>
    public static void Sleep(long stopwatchTicks)
    {
        if (stopwatchTicks <= 0)
        {
            return;
        }

        long nanoseconds = (long)(stopwatchTicks * (NanosecondsPerSecond / (double)Stopwatch.Frequency));
        var request = new TimeSpec { Seconds = nanoseconds / NanosecondsPerSecond, Nanoseconds = nanoseconds % NanosecondsPerSecond };
        _ = ClockNanosleep(ClockMonotonic, 0, in request, IntPtr.Zero);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clockId, int flags, in TimeSpec request, IntPtr remaining);
}
