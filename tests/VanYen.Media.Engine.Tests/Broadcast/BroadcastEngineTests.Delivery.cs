using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Broadcast;

/// <summary>Delivery: slow sources hold the air, RTP continuity across program switches, allocation per tick.</summary>
public sealed partial class BroadcastEngineTests
{
    [Fact]
    public void ASlowOpeningSourceHoldsItsClustersWithSilence()
    {
        RecordingSink sink = Attach(1);
        var opening = new TaskCompletionSource<IAudioSource>(TaskCreationOptions.RunContinuationsAsynchronously);
        _engine.Start(Request("filler", ProgramPriority.Background, [1], _ => new ToneSource(300)));
        _engine.Start(new BroadcastProgramRequest
        {
            Id = "slow",
            Title = "slow relay",
            Priority = ProgramPriority.Relay,
            ClusterIds = [1],
            CreateSource = (_, _) => new ValueTask<IAudioSource>(opening.Task),
        });
        Tick(5);

        Assert.Equal("slow", _engine.GetOnAirProgramId(1));
        Assert.All(sink.Frames, f => Assert.Equal("slow", f.ProgramId));
        Assert.All(sink.Frames, f => Assert.True(f.IsSilent));
        Assert.All(sink.Frames, f => Assert.Equal(_engine.SilentOpusFrame.ToArray(), f.OpusPayload));

        var source = new ToneSource(440);
        opening.SetResult(source);
        Tick(3);
        Assert.False(sink.Last.IsSilent);
        Assert.Equal("slow", sink.Last.ProgramId);
    }

    [Fact]
    public async Task AReadNotFinishedYetGivesSilenceAndNoSecondRead()
    {
        RecordingSink sink = Attach(1);
        var source = new GatedSource();
        _engine.Start(Request("gated", ProgramPriority.Normal, [1], _ => source));
        Tick(5);

        Assert.Equal(1, source.Reads);
        Assert.All(sink.Frames, f => Assert.True(f.IsSilent && f.ProgramId == "gated"));

        source.Open();
        await source.Pending;
        Tick(3);
        Assert.False(sink.Last.IsSilent);
        Assert.True(source.Reads >= 3);
    }

    [Fact]
    public async Task SourcesOpenOnTheThreadPoolByDefault()
    {
        var time = new FakeTimeProvider();
        using var engine = new BroadcastEngine(timeProvider: time);
        var sink = new RecordingSink();
        engine.GetChannel(7).Attach(sink);
        int clockThread = Environment.CurrentManagedThreadId;
        int factoryThread = -1;
        engine.Start(new BroadcastProgramRequest
        {
            Id = "pooled",
            Title = "pooled",
            Priority = ProgramPriority.Normal,
            ClusterIds = [7],
            CreateSource = (_, _) =>
            {
                factoryThread = Environment.CurrentManagedThreadId;
                return ValueTask.FromResult<IAudioSource>(new ToneSource(440));
            },
        });

        long tick = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (sink.Frames.Count == 0 || sink.Last.IsSilent)
        {
            engine.OnTick(tick++);
            await Task.Delay(2, timeout.Token);
        }

        Assert.NotEqual(clockThread, factoryThread);
        Assert.Equal("pooled", sink.Last.ProgramId);
    }

    [Fact]
    public void RtpSequenceNumbersStayContinuousAcrossProgramSwitchesAndTheMarkerFollowsIdle()
    {
        RecordingSink sink = Attach(1);
        _engine.Start(Request("a", ProgramPriority.Normal, [1], _ => new ToneSource(300)));
        Tick(5);
        _engine.Start(Request("b", ProgramPriority.Emergency, [1], _ => new ToneSource(900)));
        Tick(5);
        _engine.Cancel("b");
        Tick(5);
        _engine.Cancel("a");
        Tick(5);
        _engine.Start(Request("c", ProgramPriority.Normal, [1], _ => new ToneSource(500)));
        Tick(5);

        List<RecordedFrame> frames = sink.Frames;
        Assert.Equal(25, frames.Count);
        for (int i = 1; i < frames.Count; i++)
        {
            Assert.Equal((uint)(frames[i - 1].Timestamp + 960), frames[i].Timestamp);
        }

        List<RecordedFrame> packets = frames.Where(f => !f.IsIdle).ToList();
        Assert.Equal(20, packets.Count);
        for (int i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(packets[i - 1].SequenceNumber + 1), packets[i].SequenceNumber);
        }

        // RFC 3551 §4.1: the marker bit on the first packet of a talkspurt, i.e. after the idle stretch, and only there.
        string markers = string.Concat(frames.Select(f => f.IsIdle ? 'i' : f.Marker ? 'M' : '.'));
        Assert.Equal("M..............iiiiiM....", markers);
    }

    [Fact]
    public void PublishingATickAllocatesNothing()
    {
        var sinks = new CopyingSink[5];
        for (int i = 0; i < sinks.Length; i++)
        {
            sinks[i] = new CopyingSink();
            _engine.GetChannel(i + 1).Attach(sinks[i]);
        }

        _engine.Start(Request("a", ProgramPriority.Normal, [1, 2], _ => new ToneSource(440)));
        _engine.Start(Request("b", ProgramPriority.Normal, [3, 4], _ => new ToneSource(660)));
        Tick(5);

        AllocationBudget.AssertZero(() => _engine.OnTick(_tick++), iterations: 2_000);
        Assert.Equal(sinks[0].Frames, sinks[4].Frames);
        Assert.True(sinks[0].Bytes > 0);
        Assert.Equal(0, sinks[4].Bytes);
    }

    /// <summary>A source whose reads stay pending until <see cref="Open"/>, then complete at once.</summary>
    private sealed class GatedSource : IAudioSource
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public string Description => "gated";

        public int Reads => _reads;

        public Task Pending { get; private set; } = Task.CompletedTask;

        public void Open() => _gate.SetResult();

        public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            if (!_gate.Task.IsCompleted)
            {
                Task<AudioSourceReadResult> pending = FillLaterAsync(frame);
                Pending = pending;
                return new ValueTask<AudioSourceReadResult>(pending);
            }

            frame.Span[..960].Fill(1000);
            return ValueTask.FromResult(AudioSourceReadResult.Frame);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private async Task<AudioSourceReadResult> FillLaterAsync(Memory<short> frame)
        {
            await _gate.Task;
            frame.Span[..960].Fill(1000);
            return AudioSourceReadResult.Frame;
        }
    }
}
