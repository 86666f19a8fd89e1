using System.Diagnostics;
using System.Globalization;
using System.Net;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.LoadHarness.Meetings;

namespace VanYen.Media.LoadHarness;

/// <summary>
/// Load harness of the device media path: one cluster channel driven by a 20 ms media clock (a real Opus frame per
/// tick) fanned out by <see cref="DeviceMediaEndpoint"/> over a real UDP socket on 127.0.0.1 to N simulated IP
/// speakers (one socket each) that keepalive, unprotect SRTP and count. Prints a markdown table.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project bench/VanYen.Media.LoadHarness -- [receivers=1000] [seconds=20] [gcm|cm] [--no-batch]</c>.
/// </remarks>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "meeting")
        {
            return await MeetingLoad.RunAsync(args[1..]).ConfigureAwait(false);
        }

        // --no-batch: one sendto per device (the path before batching), to compare with one sendmmsg per 64 devices.
        bool batch = Array.IndexOf(args, "--no-batch") < 0;
        string[] positional = Array.FindAll(args, static argument => !argument.StartsWith("--", StringComparison.Ordinal));
        int receivers = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 1000;
        int seconds = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 20;
        SrtpProtectionProfile profile = positional.Length > 2 && positional[2] == "cm" ? SrtpProtectionProfile.AesCm128HmacSha1_80 : SrtpProtectionProfile.AeadAes128Gcm;

        var channel = new ClusterChannel(1);
        using var endpoint = new DeviceMediaEndpoint(_ => channel, profile) { BatchSends = batch };

        // The whole fan-out of a tick is in the kernel's send queue at once: size it for N packets.
        var options = new UdpMediaSocketOptions { Name = "load-harness", DualMode = false, SendBufferSize = 8 * 1024 * 1024 };
        await using UdpMediaSocket socket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), endpoint, options);
        endpoint.Attach(socket);
        var server = new IPEndPoint(IPAddress.Loopback, socket.Port);

        var devices = new SimulatedReceiver[receivers];
        for (int i = 0; i < receivers; i++)
        {
            devices[i] = new SimulatedReceiver(endpoint.Register("speaker-" + i.ToString(CultureInfo.InvariantCulture), 1), server);
        }

        using var stop = new CancellationTokenSource();
        var loops = new Task[receivers];
        for (int i = 0; i < receivers; i++)
        {
            loops[i] = devices[i].RunAsync(stop.Token);
        }

        foreach (SimulatedReceiver device in devices)
        {
            device.SendKeepalive();
        }

        var wait = Stopwatch.StartNew();
        while (endpoint.KeepalivesAccepted < receivers && wait.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        Console.Error.WriteLine($"{endpoint.KeepalivesAccepted}/{receivers} keepalives accepted in {wait.ElapsedMilliseconds} ms");

        // Keepalives every 10 s, as devices do, so the run also carries the keepalive load.
        Task keepalives = RefreshKeepalivesAsync(devices, stop.Token);

        // Every packet of the run counts for sent / received / lost: the server's count is the devices' PacketsSent,
        // taken after the clock stopped and the last packets drained. CPU and the per-tick spread are measured over
        // the D seconds after a 1 s warm-up.
        using var handler = new FanOutClockHandler(channel, (seconds * 50) + 100);
        using var clock = new MediaClock();
        clock.Add(handler);
        clock.Start();
        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false); // warm-up, not measured

        long sendErrorsBefore = socket.Counters.SendErrors;
        long lateBefore = clock.LateTicks;
        long skippedBefore = clock.SkippedTicks;
        TimeSpan processCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = Stopwatch.StartNew();
        handler.Start();
        await Task.Delay(TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        handler.Stop();
        run.Stop();
        TimeSpan processCpu = Process.GetCurrentProcess().TotalProcessorTime - processCpuBefore;
        long sendErrors = socket.Counters.SendErrors - sendErrorsBefore;
        clock.Remove(handler);
        await Task.Delay(1000).ConfigureAwait(false); // let the last packets land
        long sent = 0;
        foreach (DeviceMediaStatus status in endpoint.GetStatuses())
        {
            sent += status.PacketsSent;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);
        await keepalives.ConfigureAwait(false);

        Report(receivers, seconds, profile, batch, handler, devices, sent, sendErrors, processCpu, run.Elapsed, clock.LateTicks - lateBefore, clock.SkippedTicks - skippedBefore);
        foreach (SimulatedReceiver device in devices)
        {
            device.Dispose();
        }

        return 0;
    }

    private static async Task RefreshKeepalivesAsync(SimulatedReceiver[] devices, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                foreach (SimulatedReceiver device in devices)
                {
                    device.SendKeepalive();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static void Report(
        int receivers,
        int seconds,
        SrtpProtectionProfile profile,
        bool batch,
        FanOutClockHandler handler,
        SimulatedReceiver[] devices,
        long sent,
        long sendErrors,
        TimeSpan processCpu,
        TimeSpan elapsed,
        long lateTicks,
        long skippedTicks)
    {
        long[] fanOut = handler.FanOutStopwatchTicks.ToArray();
        Array.Sort(fanOut);
        long received = 0;
        long expected = 0;
        long failures = 0;
        double[] jitters = new double[devices.Length];
        for (int i = 0; i < devices.Length; i++)
        {
            received += devices[i].Received;
            expected += devices[i].Expected;
            failures += devices[i].UnprotectFailures;
            jitters[i] = devices[i].Jitter / 48.0;
        }

        Array.Sort(jitters);
        int ticks = handler.MeasuredTicks;
        double cpuPerReceiverPerSecondMicroseconds = handler.FanOutCpuNanoseconds / 1000.0 / receivers / elapsed.TotalSeconds;
        double cpuPerPacketNanoseconds = handler.FanOutCpuNanoseconds / (double)Math.Max(1, (long)ticks * receivers);
        double fanOutCoreShare = handler.FanOutCpuNanoseconds / (elapsed.TotalMilliseconds * 1_000_000.0);

        static string Ms(long stopwatchTicks) => (stopwatchTicks * 1000.0 / Stopwatch.Frequency).ToString("F3", CultureInfo.InvariantCulture);
        static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);

        Console.WriteLine($"## Device media fan-out: {receivers} receivers, {seconds} s, {profile}, {(batch ? "batched sends (sendmmsg, 64 per call)" : "one sendto per device")}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| ticks measured (late / skipped) | {ticks} ({lateTicks} / {skippedTicks}) |");
        Console.WriteLine($"| packets sent by the server, whole run (send errors in the measured window) | {sent} ({sendErrors}) |");
        Console.WriteLine($"| packets received and decrypted, whole run | {received} |");
        Console.WriteLine($"| sequence gaps at receivers | {expected - received} ({F(100.0 * (expected - received) / Math.Max(1, expected), "F3")} %) |");
        Console.WriteLine($"| lost: sent − received | {sent - received} |");
        Console.WriteLine($"| SRTP unprotect failures at receivers | {failures} |");
        Console.WriteLine($"| fan-out CPU (clock thread, publish only) per receiver | {F(cpuPerReceiverPerSecondMicroseconds)} µs/s = {F(cpuPerPacketNanoseconds, "F0")} ns/packet |");
        Console.WriteLine($"| fan-out CPU, share of one core | {F(fanOutCoreShare * 100)} % |");
        Console.WriteLine($"| whole process CPU (server + {receivers} receivers) | {F(processCpu.TotalSeconds / elapsed.TotalSeconds * 100)} % of one core |");
        Console.WriteLine($"| fan-out duration per tick p50 / p99 / max | {Ms(Percentile(fanOut, 0.50))} / {Ms(Percentile(fanOut, 0.99))} / {Ms(fanOut.Length == 0 ? 0 : fanOut[^1])} ms |");
        Console.WriteLine($"| receive-side interarrival jitter (RFC 3550) p50 / p99 / max over receivers | {F(Percentile(jitters, 0.50), "F3")} / {F(Percentile(jitters, 0.99), "F3")} / {F(jitters.Length == 0 ? 0 : jitters[^1], "F3")} ms |");
    }

    private static T Percentile<T>(T[] sorted, double fraction)
        where T : struct
    {
        if (sorted.Length == 0)
        {
            return default;
        }

        int index = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
