using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Chime;

namespace VanYen.Media.Engine.Tests.Broadcast;

/// <summary>The broadcast engine driven tick by tick: arbitration, lifecycle, audio, RTP and allocation.</summary>
public sealed partial class BroadcastEngineTests : IDisposable
{
    private const int FrameLength = 960;
    private const int LimiterLatency = 240;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.FromHours(7)));
    private readonly ConcurrentQueue<BroadcastEventArgs> _events = new();
    private readonly BroadcastEngine _engine;
    private long _tick;

    public BroadcastEngineTests()
    {
        _engine = new BroadcastEngine(null, new BroadcastEngineOptions { OpenSourcesOnClockThread = true }, _time);
        _engine.Changed += (_, change) => _events.Enqueue(change);
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task OneProgramPlaysOnItsClustersAndTheDecodedAudioMatchesTheSource()
    {
        RecordingSink first = Attach(1);
        RecordingSink second = Attach(2);
        RecordingSink other = Attach(3);
        var source = new ToneSource(440, frames: 50);

        BroadcastProgramStatus started = _engine.Start(Request("a", ProgramPriority.Normal, [1, 2], _ => source));
        Assert.Equal(ProgramState.Waiting, started.State);
        Tick(60);

        RecordedFrame[] onFirst = first.Frames.Where(f => f.ProgramId == "a").ToArray();
        RecordedFrame[] onSecond = second.Frames.Where(f => f.ProgramId == "a").ToArray();
        Assert.Equal(50, onFirst.Length);
        Assert.Equal(50, onSecond.Length);
        for (int i = 0; i < onFirst.Length; i++)
        {
            // Encoded once: both clusters carry the very same Opus bytes.
            Assert.Equal(onFirst[i].OpusPayload, onSecond[i].OpusPayload);
        }

        Assert.All(other.Frames, f => Assert.True(f.IsIdle));
        Assert.Equal(60, other.Frames.Count);
        Assert.True(first.Last.IsIdle);

        short[] decoded = Decode(onFirst);
        short[] reference = Enumerable.Range(0, 50 * FrameLength).Select(n => source.SampleAt(n)).ToArray();
        (double correlation, int lag) = BestCorrelation(decoded, reference, 1500);
        Assert.True(correlation > 0.9, $"correlation {correlation:F3} at lag {lag}");

        await WaitForEventAsync(BroadcastEventKind.Ended, "a");
        Assert.Equal([BroadcastEventKind.Started, BroadcastEventKind.OnAir, BroadcastEventKind.Ended], EventsOf("a").Select(e => e.Kind));
        Assert.Equal([1L, 2L], EventsOf("a").Single(e => e.Kind == BroadcastEventKind.OnAir).ClusterIds);
        Assert.Equal(ProgramEndReason.Finished, EventsOf("a").Last().EndReason);
        Assert.True(_engine.TryGetProgram("a", out BroadcastProgramStatus? status));
        Assert.Equal(ProgramState.Ended, status!.State);
        Assert.Empty(_engine.GetPrograms());
        await WaitUntilAsync(() => source.IsDisposed);
    }

    [Fact]
    public void TwoProgramsOnDisjointClustersPlayIndependentlyAtOnce()
    {
        RecordingSink village = Attach(1);
        RecordingSink commune = Attach(2);
        var low = new ToneSource(300);
        var high = new ToneSource(1200);
        _engine.Start(Request("tts", ProgramPriority.Normal, [1], _ => low));
        _engine.Start(Request("file", ProgramPriority.Normal, [2], _ => high));
        Tick(40);

        Assert.All(village.Frames, f => Assert.Equal("tts", f.ProgramId));
        Assert.All(commune.Frames, f => Assert.Equal("file", f.ProgramId));
        short[] villagePcm = village.PcmOf("tts");
        short[] communePcm = commune.PcmOf("file");
        Assert.True(CorrelationAt(villagePcm, low, LimiterLatency) > 0.999);
        Assert.True(CorrelationAt(communePcm, high, LimiterLatency) > 0.999);
        Assert.True(CorrelationAt(villagePcm, high, LimiterLatency) < 0.2);
        Assert.Equal(2, _engine.GetPrograms().Count(p => p.State == ProgramState.OnAir));
    }

    [Fact]
    public void CancelSilencesTheClusterAtTheNextTick()
    {
        RecordingSink sink = Attach(1);
        _engine.Start(Request("a", ProgramPriority.Normal, [1], _ => new ToneSource(440)));
        Tick(5);
        Assert.Equal("a", sink.Last.ProgramId);

        Assert.True(_engine.Cancel("a"));
        Tick(1);

        Assert.True(sink.Last.IsIdle);
        Assert.True(sink.Last.IsSilent);
        Assert.Null(_engine.GetOnAirProgramId(1));
        Assert.False(_engine.Cancel("a"));
    }

    [Fact]
    public async Task PartialCancelLeavesTheProgramPlayingOnItsOtherClusters()
    {
        RecordingSink first = Attach(1);
        RecordingSink second = Attach(2);
        _engine.Start(Request("a", ProgramPriority.Normal, [1, 2], _ => new ToneSource(440)));
        Tick(5);

        Assert.True(_engine.Cancel("a", [1]));
        Tick(1);
        Assert.True(first.Last.IsIdle);
        Assert.Equal("a", second.Last.ProgramId);
        Assert.True(_engine.TryGetProgram("a", out BroadcastProgramStatus? status));
        Assert.Equal([2L], status!.ClustersOnAir);
        BroadcastEventArgs cancelled = await WaitForEventAsync(BroadcastEventKind.ClustersCancelled, "a");
        Assert.Equal([1L], cancelled.ClusterIds);

        _engine.Cancel("a", [2]);
        Tick(1);
        Assert.True(second.Last.IsIdle);
        BroadcastEventArgs ended = await WaitForEventAsync(BroadcastEventKind.Ended, "a");
        Assert.Equal(ProgramEndReason.Cancelled, ended.EndReason);
    }

    [Fact]
    public async Task RepetitionsPlayTheSourceAgainAfterTheGap()
    {
        RecordingSink sink = Attach(1);
        var repetitions = new List<int>();
        var sources = new List<ToneSource>();
        _engine.Start(Request("a", ProgramPriority.Normal, [1], repetition =>
        {
            repetitions.Add(repetition);
            var source = new ToneSource(440, frames: 10);
            sources.Add(source);
            return source;
        }) with { Repetitions = 2, GapBetweenRepetitions = TimeSpan.FromMilliseconds(100) });
        Tick(40);

        Assert.Equal([0, 1], repetitions);
        // 10 frames, 5 ticks of gap held on air with silence, 10 frames, then the cluster goes idle.
        string pattern = string.Concat(sink.Frames.Select(f => f.IsIdle ? 'i' : f.IsSilent ? 's' : 'a'));
        Assert.StartsWith(new string('a', 10) + new string('s', 5) + new string('a', 10) + "i", pattern);
        BroadcastEventArgs ended = await WaitForEventAsync(BroadcastEventKind.Ended, "a");
        Assert.Equal(ProgramEndReason.Finished, ended.EndReason);
        Assert.Equal(1, ended.Status.Repetition);
        await WaitUntilAsync(() => sources.TrueForAll(s => s.IsDisposed));
    }

    [Fact]
    public async Task NullRepetitionsRepeatUntilCancelled()
    {
        RecordingSink sink = Attach(1);
        var sources = new ConcurrentBag<ToneSource>();
        _engine.Start(Request("alarm", ProgramPriority.Emergency, [1], _ =>
        {
            var source = new ToneSource(880, frames: 3);
            sources.Add(source);
            return source;
        }) with { Repetitions = null });
        Tick(40);

        Assert.True(sources.Count >= 8, $"{sources.Count} plays");
        Assert.True(_engine.TryGetProgram("alarm", out BroadcastProgramStatus? status));
        Assert.Equal(ProgramState.OnAir, status!.State);
        Assert.True(status.Repetition >= 7);
        Assert.Equal("alarm", sink.Last.ProgramId);

        _engine.Cancel("alarm");
        Tick(1);
        Assert.True(sink.Last.IsIdle);
        BroadcastEventArgs ended = await WaitForEventAsync(BroadcastEventKind.Ended, "alarm");
        Assert.Equal(ProgramEndReason.Cancelled, ended.EndReason);
        await WaitUntilAsync(() => sources.All(s => s.IsDisposed));
    }

    [Fact]
    public void TheChimePrecedesTheBulletin()
    {
        RecordingSink sink = Attach(1);
        var source = new ToneSource(440, frames: 20);
        _engine.Start(Request("a", ProgramPriority.Priority, [1], _ => source) with { Chime = true });
        Tick(130);

        short[] chime = ChimeGenerator.Render(_engine.Options.Chime);
        short[] pcm = sink.PcmOf("a");
        Assert.Equal((chime.Length / FrameLength) + 20, pcm.Length / FrameLength);
        Assert.True(Correlation(pcm.AsSpan(LimiterLatency, chime.Length - LimiterLatency), chime.AsSpan(0, chime.Length - LimiterLatency)) > 0.99);
        short[] bulletin = pcm[chime.Length..];
        short[] reference = Enumerable.Range(0, bulletin.Length).Select(n => source.SampleAt(n)).ToArray();
        Assert.True(Correlation(bulletin.AsSpan(LimiterLatency), reference.AsSpan(0, bulletin.Length - LimiterLatency)) > 0.999);
    }

    [Fact]
    public void AGainOf14DecibelsIsLimitedWithoutWrappingAround()
    {
        RecordingSink sink = Attach(1);
        var source = new ToneSource(440, amplitude: 0.5);
        _engine.Start(Request("loud", ProgramPriority.Normal, [1], _ => source) with { GainDecibels = 14 });
        Tick(100);

        short[] pcm = sink.PcmOf("loud");
        int ceiling = (int)Math.Floor(Math.Pow(10, -1 / 20.0) * 32768);
        Assert.True(pcm.Max(s => Math.Abs((int)s)) <= ceiling);
        double outputRms = Rms(pcm);
        double inputRms = Rms(Enumerable.Range(0, pcm.Length).Select(n => source.SampleAt(n)).ToArray());
        Assert.True(outputRms > 1.5 * inputRms, $"output RMS {outputRms:F0}, input {inputRms:F0}");
        for (int n = LimiterLatency; n < pcm.Length; n++)
        {
            short input = source.SampleAt(n - LimiterLatency);
            if (Math.Abs((int)input) > 2000)
            {
                // A wrapped-around sample would flip sign.
                Assert.Equal(Math.Sign(input), Math.Sign(pcm[n]));
            }
        }
    }

    [Fact]
    public void NormalizeLoudnessBringsAQuietLiveSourceUp()
    {
        RecordingSink sink = Attach(1);
        var quiet = new ToneSource(440, amplitude: 0.02);
        _engine.Start(Request("live", ProgramPriority.Live, [1], _ => quiet) with { NormalizeLoudness = true });
        Tick(250);

        short[] pcm = sink.PcmOf("live");
        short[] lastSecond = pcm[^48000..];
        double inputRms = Rms(Enumerable.Range(0, 48000).Select(n => quiet.SampleAt(n)).ToArray());
        Assert.True(Rms(lastSecond) > 4 * inputRms, $"output RMS {Rms(lastSecond):F0}, input {inputRms:F0}");
        // The same tone, delayed by the normalizer's and the program limiter's look-ahead (the gain has settled by now).
        int start = pcm.Length - 48000 - (LimiterLatency * 2);
        double correlation = Correlation(lastSecond, Enumerable.Range(start, 48000).Select(n => quiet.SampleAt(n)).ToArray());
        Assert.True(correlation > 0.95, $"correlation {correlation:F3}");
    }

    [Fact]
    public async Task ASourceThatThrowsEndsOnlyItsProgram()
    {
        RecordingSink broken = Attach(1);
        RecordingSink healthy = Attach(2);
        var failing = new ToneSource(440) { FailAfterFrames = 5 };
        _engine.Start(Request("broken", ProgramPriority.Normal, [1], _ => failing));
        _engine.Start(Request("healthy", ProgramPriority.Normal, [2], _ => new ToneSource(660)));
        Tick(20);

        Assert.True(broken.Last.IsIdle);
        Assert.All(healthy.Frames, f => Assert.Equal("healthy", f.ProgramId));
        Assert.Equal(20, healthy.Frames.Count);
        BroadcastEventArgs ended = await WaitForEventAsync(BroadcastEventKind.Ended, "broken");
        Assert.Equal(ProgramEndReason.SourceFailed, ended.EndReason);
        Assert.True(_engine.TryGetProgram("healthy", out BroadcastProgramStatus? status));
        Assert.Equal(ProgramState.OnAir, status!.State);
        await WaitUntilAsync(() => failing.IsDisposed);
    }

    [Fact]
    public async Task AFactoryThatThrowsEndsTheProgramAsSourceFailed()
    {
        Attach(1);
        _engine.Start(Request("a", ProgramPriority.Normal, [1], _ => throw new FileNotFoundException("gone.opus")));
        Tick(2);

        BroadcastEventArgs ended = await WaitForEventAsync(BroadcastEventKind.Ended, "a");
        Assert.Equal(ProgramEndReason.SourceFailed, ended.EndReason);
        Assert.Null(_engine.GetOnAirProgramId(1));
    }

    [Fact]
    public void StartRejectsBadRequests()
    {
        _engine.Start(Request("a", ProgramPriority.Normal, [1], _ => new ToneSource(440)));
        Assert.Throws<ArgumentException>(() => _engine.Start(Request("a", ProgramPriority.Normal, [2], _ => new ToneSource(440))));
        Assert.Throws<ArgumentException>(() => _engine.Start(Request("b", ProgramPriority.Normal, [], _ => new ToneSource(440))));
        Assert.Throws<ArgumentException>(() => _engine.Start(Request("c", ProgramPriority.Normal, [1, 1], _ => new ToneSource(440))));
        Assert.Throws<ArgumentException>(() => _engine.Start(Request("d", ProgramPriority.Normal, [1], _ => new ToneSource(440)) with { GainDecibels = 15 }));
        Assert.Throws<ArgumentException>(() => _engine.Start(Request("e", ProgramPriority.Normal, [1], _ => new ToneSource(440)) with { Repetitions = 0 }));
        Assert.False(_engine.Cancel("unknown"));
    }

    private static BroadcastProgramRequest Request(string id, ProgramPriority priority, long[] clusters, Func<int, IAudioSource> create) => new()
    {
        Id = id,
        Title = "program " + id,
        Priority = priority,
        ClusterIds = clusters,
        CreateSource = (repetition, _) => ValueTask.FromResult(create(repetition)),
    };

    private RecordingSink Attach(long clusterId)
    {
        var sink = new RecordingSink();
        _engine.GetChannel(clusterId).Attach(sink);
        return sink;
    }

    private void Tick(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            _engine.OnTick(_tick++);
        }
    }

    private List<BroadcastEventArgs> EventsOf(string programId) => _events.Where(e => e.ProgramId == programId).ToList();

    private async Task<BroadcastEventArgs> WaitForEventAsync(BroadcastEventKind kind, string programId)
    {
        BroadcastEventArgs? found = null;
        await WaitUntilAsync(() => (found = _events.FirstOrDefault(e => e.Kind == kind && e.ProgramId == programId)) is not null);
        return found!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    private static short[] Decode(IEnumerable<RecordedFrame> frames)
    {
        using var decoder = new OpusAudioDecoder();
        var samples = new List<short>();
        var pcm = new short[5760];
        foreach (RecordedFrame frame in frames)
        {
            int count = decoder.Decode(frame.OpusPayload, pcm);
            samples.AddRange(pcm.AsSpan(0, count).ToArray());
        }

        return [.. samples];
    }

    private static double CorrelationAt(short[] signal, ToneSource source, int lag)
    {
        short[] reference = Enumerable.Range(0, signal.Length - lag).Select(n => source.SampleAt(n)).ToArray();
        return Correlation(signal.AsSpan(lag), reference);
    }

    private static (double Correlation, int Lag) BestCorrelation(short[] signal, short[] reference, int maxLag)
    {
        double best = double.MinValue;
        int bestLag = 0;
        for (int lag = 0; lag <= maxLag; lag++)
        {
            int length = Math.Min(signal.Length - lag, reference.Length);
            double value = Correlation(signal.AsSpan(lag, length), reference.AsSpan(0, length));
            if (value > best)
            {
                best = value;
                bestLag = lag;
            }
        }

        return (best, bestLag);
    }

    private static double Correlation(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        int length = Math.Min(a.Length, b.Length);
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < length; i++)
        {
            ab += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }

        return aa == 0 || bb == 0 ? 0 : ab / Math.Sqrt(aa * bb);
    }

    private static double Rms(short[] samples) => Math.Sqrt(samples.Average(s => (double)s * s));
}
