using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.LoadHarness.Forwarding;

/// <summary>
/// Load of the teleconsultation SFU: N calls of two participants over real loopback sockets, each participant
/// publishing 50 audio packets/s (80 B) and 30 video packets/s (1000 B) that the SFU forwards to the other. Measures,
/// inside the process, the time from a packet's arrival on the server socket to the forwarded packet's send
/// (p50/p99/p999), and the CPU of the server's receive thread (where the whole SFU path runs) per call.
/// </summary>
/// <remarks>Usage: <c>dotnet run -c Release --project bench/VanYen.Media.LoadHarness -- forward [calls=10] [seconds=10]</c>.</remarks>
internal static class ForwardingLoad
{
    private const int AudioIntervalMs = 20;
    private const int VideoIntervalMs = 33;

    public static async Task<int> RunAsync(string[] args)
    {
        int calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        int seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;

        var agent = new IceLiteAgent();
        using var endpoint = new WebRtcEndpoint(agent);
        var probe = new ForwardingLatencyProbe(endpoint);
        await using UdpMediaSocket socket = UdpMediaSocket.Bind(
            new IPEndPoint(IPAddress.Loopback, 0), probe, new UdpMediaSocketOptions { Name = "sfu-load", DualMode = false, SendBufferSize = 4 * 1024 * 1024, ReceiveBufferSize = 4 * 1024 * 1024 });
        probe.Attach(socket);
        endpoint.Attach(probe);
        using var clock = new MediaClock();
        var certificate = DtlsCertificate.Create();
        using var rooms = new RoomService(endpoint, certificate, clock);
        await using var service = new ForwardingService(rooms, new ForwardingOptions(), NullLoggerFactory.Instance);
        var server = new IPEndPoint(IPAddress.Loopback, socket.Port);

        var clients = new List<ForwardingLoadClient>();
        var clientCertificate = DtlsCertificate.Create();
        for (int call = 0; call < calls; call++)
        {
            IForwardingRoom room = service.Open("call-" + call.ToString(CultureInfo.InvariantCulture));
            foreach (string participant in (string[])["doctor", "patient"])
            {
                var client = new ForwardingLoadClient(clientCertificate);
                clients.Add(client);
                string answer = await room.JoinAsync(participant, client.CreateOffer(), CancellationToken.None);
                await client.ConnectAsync(answer, server);
            }
        }

        Console.WriteLine($"{calls} calls joined ({clients.Count} participants); warming up 1 s, then {seconds} s measured");
        using var stop = new CancellationTokenSource();
        var sender = new Thread(() => SendLoop(clients, stop.Token)) { IsBackground = true, Name = "sfu-load-sender", Priority = ThreadPriority.AboveNormal };
        sender.Start();
        await Task.Delay(TimeSpan.FromSeconds(1));

        probe.Reset();
        long receivedBefore = clients.Sum(c => c.RtpReceived);
        TimeSpan processCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        run.Stop();
        TimeSpan processCpu = Process.GetCurrentProcess().TotalProcessorTime - processCpuBefore;
        long received = clients.Sum(c => c.RtpReceived) - receivedBefore;
        long datagramsIn = probe.DatagramsIn;
        long rtpOut = probe.RtpOut;
        long serverCpu = probe.CpuNanoseconds;
        (long p50, long p99, long p999, long max) = (probe.Percentile(0.5), probe.Percentile(0.99), probe.Percentile(0.999), probe.Percentile(1));
        stop.Cancel();
        sender.Join();

        double elapsed = run.Elapsed.TotalSeconds;
        double serverCpuPercent = serverCpu / 1e9 / elapsed * 100;
        Console.WriteLine();
        Console.WriteLine("| calls | packets in/s | forwarded/s | received by clients/s | latency p50 | p99 | p99.9 | max | server thread CPU | per call | process CPU (incl. clients) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {calls} | {datagramsIn / elapsed:F0} | {rtpOut / elapsed:F0} | {received / elapsed:F0} | {p50} µs | {p99} µs | {p999} µs | {(max >= 20_000 ? "≥20 ms" : max + " µs")} | {serverCpuPercent:F1} % | {serverCpuPercent / calls:F2} % | {processCpu.TotalSeconds / elapsed * 100:F0} % |"));

        foreach (ForwardingLoadClient client in clients)
        {
            await client.DisposeAsync();
        }

        return 0;
    }

    // One thread paces every participant: audio every 20 ms, video every 33 ms, phases spread over the interval so
    // that the server sees a steady stream rather than bursts.
    private static void SendLoop(List<ForwardingLoadClient> clients, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        long[] nextAudio = new long[clients.Count];
        long[] nextVideo = new long[clients.Count];
        for (int i = 0; i < clients.Count; i++)
        {
            nextAudio[i] = i * AudioIntervalMs / clients.Count;
            nextVideo[i] = i * VideoIntervalMs / clients.Count;
        }

        while (!stop.IsCancellationRequested)
        {
            long now = clock.ElapsedMilliseconds;
            for (int i = 0; i < clients.Count; i++)
            {
                if (now >= nextAudio[i])
                {
                    clients[i].SendAudio();
                    nextAudio[i] += AudioIntervalMs;
                }

                if (now >= nextVideo[i])
                {
                    clients[i].SendVideo();
                    nextVideo[i] += VideoIntervalMs;
                }
            }

            Thread.Sleep(1);
        }
    }
}
