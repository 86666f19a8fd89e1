using System.Diagnostics;
using System.Text.Json;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Integration.Tests.Broadcasting;
using VanYen.Media.Relay.Tests.Testing;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Broadcasting;

namespace VanYen.Media.Integration.Tests.Relay;

/// <summary>
/// A relay broadcast through the service and the real engine, of a local Icecast-like stream (real ffmpeg) that
/// stops mid-stream: the relay falls back to a library file, the audit log says so, and the cluster hears the change.
/// </summary>
public sealed class RelaySourceFactoryTests
{
    private const int StationFrequency = 440;
    private const int FallbackFrequency = 1000;

    [Fact]
    public async Task AStationThatStopsMidStreamFallsBackToTheLibraryFileAndTheClusterHearsTheFallbackTone()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 1, 30, 0, TimeSpan.Zero));
        using var engine = new BroadcastEngine(null, new BroadcastEngineOptions(), time);
        var relayOptions = new RelayOptions { RetriesPerUrl = 0, RetryDelay = TimeSpan.FromMilliseconds(100), StallTimeout = TimeSpan.FromSeconds(4) };
        await using var context = await BroadcastingTestContext.CreateAsync(engine, relayOptions);
        var cluster = new RecordingClusterSink();
        using var attachment = engine.GetChannel(context.LangHocCluster.Id).Attach(cluster);

        string fallbackWav = Path.Combine(context.Db.DataDirectory, "fallback.wav");
        MakeToneWav(fallbackWav, FallbackFrequency, seconds: 3);
        Server.Library.LibraryItem fallback;
        await using (var upload = File.OpenRead(fallbackWav))
        {
            fallback = await context.Library.ImportAsync(context.AnThinhAnnouncer, "Nhạc chờ", upload, default);
        }

        await using var station = PacedStreamServer.Start(ToneFiles.Tone(StationFrequency, 1), playFor: TimeSpan.FromSeconds(3), end: StreamEnd.CloseAndStopListening);
        var relay = await context.Service.StartAsync(
            context.AnThinhAnnouncer,
            new BroadcastCommand
            {
                Title = "Tiếp sóng VOV1",
                Source = new BroadcastSource { Kind = BroadcastSourceKind.Relay, RelayUrls = [station.Url.ToString()], FallbackLibraryItemId = fallback.Id },
                ClusterIds = [context.LangHocCluster.Id],
            },
            default);

        // Tick in real time (the station is paced), until the relay ends after its fallback.
        var clock = Stopwatch.StartNew();
        long ticks = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(25) && (await context.Service.GetAsync(context.AnThinhAnnouncer, relay.Id, default)).State != BroadcastState.Ended)
        {
            while (ticks < clock.ElapsedMilliseconds / 20)
            {
                engine.OnTick(ticks++);
                time.Advance(TimeSpan.FromMilliseconds(20));
            }

            await Task.Delay(10);
        }

        Assert.Equal(BroadcastState.Ended, (await context.Service.GetAsync(context.AnThinhAnnouncer, relay.Id, default)).State);
        var fellBack = Assert.Single(await context.WaitForAuditAsync(AuditActions.RelayFellBack));
        Assert.Equal(relay.Id, fellBack.TargetId);
        var failed = await context.WaitForAuditAsync(AuditActions.RelayFailed);
        Assert.Equal(relay.Id, failed[0].TargetId);
        using (var details = JsonDocument.Parse(failed[0].DetailsJson!))
        {
            string url = details.RootElement.GetProperty("url").GetString()!;
            Assert.StartsWith(station.Url.GetLeftPart(UriPartial.Path), url, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", url, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(details.RootElement.GetProperty("reason").GetString()));
        }

        // The station's tone first, then the fallback file's tone, each dominant in its part of what the cluster heard.
        short[] heard = cluster.Decode(relay.Id);
        var (first, last) = LoudestParts(heard);
        Assert.True(first.Length > 0 && last.Length > 0, $"heard {heard.Length} samples, {heard.Count(sample => Math.Abs((int)sample) > 500)} loud");
        Assert.True(Power(first, StationFrequency) > 10 * Power(first, FallbackFrequency), "the station's tone leads");
        Assert.True(Power(last, FallbackFrequency) > 10 * Power(last, StationFrequency), "the fallback tone follows");
    }

    /// <summary>The first and last half second of sound (samples louder than a whisper), skipping the edges.</summary>
    private static (short[] First, short[] Last) LoudestParts(short[] samples)
    {
        int start = Array.FindIndex(samples, sample => Math.Abs((int)sample) > 500);
        int end = Array.FindLastIndex(samples, sample => Math.Abs((int)sample) > 500);
        if (start < 0 || end - start < 2 * 48_000)
        {
            return ([], []);
        }

        return (samples[(start + 9600)..(start + 9600 + 24_000)], samples[(end - 9600 - 24_000)..(end - 9600)]);
    }

    /// <summary>The Goertzel power of <paramref name="frequency"/> in 48 kHz samples.</summary>
    private static double Power(short[] samples, int frequency)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / 48_000.0);
        double previous = 0;
        double beforePrevious = 0;
        foreach (short sample in samples)
        {
            double current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        return (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
    }

    private static void MakeToneWav(string path, int frequency, double seconds)
    {
        var startInfo = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "lavfi", "-i", $"sine=frequency={frequency}:sample_rate=48000:duration={seconds}", "-ac", "1", path])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "ffmpeg could not make the fallback tone: " + error);
    }
}
