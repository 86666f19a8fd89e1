using System.Runtime.InteropServices;

namespace VanYen.Media.LoadHarness;

/// <summary>
/// CPU time (user + system) of the calling thread, from Linux's <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>.
/// System time includes the sendto syscalls, and on loopback also the kernel's delivery into the receiving socket.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Nanoseconds of CPU the calling thread used so far, or -1 when the clock is not available.</summary>
    public static long NowNanoseconds() =>
        ClockGetTime(ClockThreadCpuTimeId, out TimeSpec time) == 0 ? (time.Seconds * 1_000_000_000) + time.Nanoseconds : -1;

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
