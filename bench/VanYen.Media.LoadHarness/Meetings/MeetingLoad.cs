using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.LoadHarness.Meetings;

/// <summary>
/// Load of one meeting's audio bridge: N plain RTP participants on 127.0.0.1 (3 talking real Opus speech from
/// espeak-ng, the others sending silence frames with a silent RFC 6464 level), all in this process with the server.
/// Measures the server's CPU (the media clock thread, and the whole process less the participants' sender thread)
/// and the latency the bridge adds from a talker's packet arriving to the mixed packets leaving (a probe inside the
/// bridge stamps both with the same clock). Prints a markdown table row.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project bench/VanYen.Media.LoadHarness -- meeting [participants=100] [seconds=15]
/// [sample rate=the bridge's default] [encoder complexity=the bridge's default]</c>.
/// </remarks>
public static class MeetingLoad
{
    private const int Talkers = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        int participants = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        int seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var defaults = new MeetingMediaOptions();
        int sampleRate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : defaults.SampleRate;
        int complexity = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : defaults.Encoder.Complexity;
        if (participants < Talkers)
        {
            Console.Error.WriteLine($"A meeting load needs at least {Talkers} participants.");
            return 2;
        }

        MeetingLoadAudio audio = MeetingLoadAudio.Create(Talkers);

        // The server: the room service is only needed by the bridge's constructor (no browser joins here).
        var agent = new IceLiteAgent();
        using var endpoint = new WebRtcEndpoint(agent);
        await using UdpMediaSocket webRtcSocket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), endpoint, new UdpMediaSocketOptions { Name = "load-webrtc", DualMode = false });
        endpoint.Attach(webRtcSocket);
        using var clock = new MediaClock();
        using var rooms = new RoomService(endpoint, DtlsCertificate.Create(), clock);
        var probe = new MeetingLatencyProbe(1 << 20);
        var options = new MeetingMediaOptions
        {
            RtpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            LatencyProbe = probe,
            SampleRate = sampleRate,
            Encoder = defaults.Encoder with { Complexity = complexity },
        };
        await using var service = new MeetingMediaService(rooms, clock, options, NullLoggerFactory.Instance);

        // Handlers run in the order they were added: one before the bridge's and one after it time the bridge's tick
        // alone; the clock thread's total also holds the clock's own wait (it spins the last ~1 ms before a deadline).
        var tickStart = new ClockThreadCpu();
        clock.Add(tickStart);
        IMeetingMedia meeting = service.Open("load");
        var clockCpu = new ClockThreadCpu(tickStart);
        clock.Add(clockCpu);

        using var senders = new MeetingLoadSenders(participants, Talkers, audio);
        for (int i = 0; i < participants; i++)
        {
            MeetingRtpJoin join = meeting.JoinPlainRtp("p" + i.ToString(CultureInfo.InvariantCulture), senders.LocalEndPoint(i), MeetingLoadSenders.PayloadType);
            senders.Connect(i, join.ServerEndpoint);
        }

        senders.Start();
        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false); // warm-up: jitter buffers settle, JIT done

        probe.Clear();
        MeetingMediaCounters counters = meeting.Counters;
        long ticksBefore = counters.Ticks;
        long decodedBefore = counters.FramesDecoded;
        long skippedBefore = counters.SilentFramesNotDecoded;
        long talkerEncodesBefore = counters.TalkerMixEncodes;
        long listenerEncodesBefore = counters.ListenerMixEncodes;
        long lateBefore = clock.LateTicks;
        long clockCpuBefore = clockCpu.Nanoseconds;
        long bridgeCpuBefore = clockCpu.BridgeNanoseconds;
        long senderCpuBefore = senders.CpuNanoseconds;
        TimeSpan processBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        run.Stop();
        TimeSpan process = Process.GetCurrentProcess().TotalProcessorTime - processBefore;
        long clockNanoseconds = clockCpu.Nanoseconds - clockCpuBefore;
        long bridgeNanoseconds = clockCpu.BridgeNanoseconds - bridgeCpuBefore;
        long senderNanoseconds = senders.CpuNanoseconds - senderCpuBefore;
        senders.Stop();

        double wall = run.Elapsed.TotalSeconds;
        double clockPercent = clockNanoseconds / 1e9 / wall * 100;
        double bridgePercent = bridgeNanoseconds / 1e9 / wall * 100;
        double serverPercent = ((process.TotalSeconds * 1e9) - senderNanoseconds) / 1e9 / wall * 100;
        long[] latencies = probe.Snapshot();
        Array.Sort(latencies);
        double frequency = options.TimeProvider.TimestampFrequency;
        string p50 = Percentile(latencies, 0.50, frequency);
        string p99 = Percentile(latencies, 0.99, frequency);
        long ticks = counters.Ticks - ticksBefore;

        Console.WriteLine("| participants | talkers | seconds | bridge tick CPU | clock thread CPU | server CPU (process − senders) | per participant | latency p50 | latency p99 | samples | decoded / tick | not decoded / tick | encodes / tick | late ticks |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {participants} | {Talkers} | {wall:F1} | {bridgePercent:F2} % | {clockPercent:F2} % | {serverPercent:F2} % | {serverPercent / participants:F3} % | {p50} | {p99} | {latencies.Length} | {(counters.FramesDecoded - decodedBefore) / (double)ticks:F2} | {(counters.SilentFramesNotDecoded - skippedBefore) / (double)ticks:F1} | {(counters.TalkerMixEncodes - talkerEncodesBefore + counters.ListenerMixEncodes - listenerEncodesBefore) / (double)ticks:F2} | {clock.LateTicks - lateBefore} |"));
        Console.Error.WriteLine($"mix at {sampleRate} Hz, encoder complexity {complexity}; sender thread CPU {senderNanoseconds / 1e9 / wall * 100:F2} %; packets dropped by the bridge {counters.PacketsDropped}; unknown sources {service.UnknownSourcePackets}");
        return 0;
    }

    private static string Percentile(long[] sorted, double fraction, double frequency)
    {
        if (sorted.Length == 0)
        {
            return "n/a";
        }

        long value = sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];
        return (value / frequency * 1000).ToString("F2", CultureInfo.InvariantCulture) + " ms";
    }

    /// <summary>
    /// Reads the clock thread's CPU time at every tick; added after the bridge's handler with the reading taken before
    /// it (<paramref name="start"/>), it also sums the CPU of the bridge's tick alone.
    /// </summary>
    private sealed class ClockThreadCpu(ClockThreadCpu? start = null) : IMediaClockHandler
    {
        private long _nanoseconds;
        private long _bridgeNanoseconds;

        public long Nanoseconds => Interlocked.Read(ref _nanoseconds);

        public long BridgeNanoseconds => Interlocked.Read(ref _bridgeNanoseconds);

        public void OnTick(long tick)
        {
            long now = ThreadCpuTime.NowNanoseconds();
            if (start is not null)
            {
                Interlocked.Add(ref _bridgeNanoseconds, now - start.Nanoseconds);
            }

            Interlocked.Exchange(ref _nanoseconds, now);
        }
    }
}
