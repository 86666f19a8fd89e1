using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.Engine.Tests.Broadcast;

/// <summary>Priority arbitration: preemption on shared clusters only, resume where paused, the End policy.</summary>
public sealed partial class BroadcastEngineTests
{
    [Fact]
    public async Task AHigherPriorityPreemptsOnlyTheClustersTheyShare()
    {
        RecordingSink first = Attach(1);
        RecordingSink second = Attach(2);
        _engine.Start(Request("bulletin", ProgramPriority.Normal, [1, 2], _ => new ToneSource(440)));
        Tick(5);
        _engine.Start(Request("alarm", ProgramPriority.Emergency, [2], _ => new ToneSource(1000)));
        Tick(5);

        Assert.Equal("bulletin", _engine.GetOnAirProgramId(1));
        Assert.Equal("alarm", _engine.GetOnAirProgramId(2));
        Assert.All(first.Frames, f => Assert.Equal("bulletin", f.ProgramId));
        Assert.Equal("alarm", second.Last.ProgramId);
        Assert.True(_engine.TryGetProgram("bulletin", out BroadcastProgramStatus? status));
        Assert.Equal(ProgramState.OnAir, status!.State);
        Assert.Equal([1L], status.ClustersOnAir);
        Assert.Equal([2L], status.ClustersWaiting);

        BroadcastEventArgs preempted = await WaitForEventAsync(BroadcastEventKind.Preempted, "bulletin");
        Assert.Equal("alarm", preempted.ByProgramId);
        Assert.Equal([2L], preempted.ClusterIds);
    }

    [Fact]
    public async Task APreemptedProgramPausesAndResumesWhereItStopped()
    {
        RecordingSink sink = Attach(1);
        var bulletin = new ToneSource(440);
        _engine.Start(Request("bulletin", ProgramPriority.Normal, [1], _ => bulletin));
        Tick(10);
        _engine.Start(Request("alarm", ProgramPriority.Emergency, [1], _ => new ToneSource(1000)));
        Tick(1);
        long readWhenPreempted = bulletin.FramesRead;
        Tick(9);

        Assert.Equal(readWhenPreempted, bulletin.FramesRead);
        Assert.True(_engine.TryGetProgram("bulletin", out BroadcastProgramStatus? paused));
        Assert.Equal(ProgramState.Waiting, paused!.State);
        Assert.Equal([1L], paused.ClustersWaiting);

        _engine.Cancel("alarm");
        Tick(10);

        short[] pcm = sink.PcmOf("bulletin");
        Assert.Equal(20 * FrameLength, pcm.Length);
        for (int n = 0; n < pcm.Length; n++)
        {
            // Sample for sample the tone, only delayed by the limiter's look-ahead: nothing lost, nothing repeated.
            int expected = n < LimiterLatency ? 0 : bulletin.SampleAt(n - LimiterLatency);
            Assert.True(Math.Abs(expected - pcm[n]) <= 1, $"sample {n}: expected {expected}, got {pcm[n]}");
        }

        await WaitForEventAsync(BroadcastEventKind.Ended, "alarm");
        BroadcastEventArgs preempted = await WaitForEventAsync(BroadcastEventKind.Preempted, "bulletin");
        Assert.Equal("alarm", preempted.ByProgramId);
        BroadcastEventArgs resumed = await WaitForEventAsync(BroadcastEventKind.Resumed, "bulletin");
        Assert.Equal([1L], resumed.ClusterIds);
        Assert.Equal(
            [BroadcastEventKind.Started, BroadcastEventKind.OnAir, BroadcastEventKind.Preempted, BroadcastEventKind.Resumed],
            EventsOf("bulletin").Select(e => e.Kind));
    }

    [Fact]
    public async Task TheEndPolicyEndsAProgramPreemptedEverywhere()
    {
        RecordingSink sink = Attach(1);
        var live = new ToneSource(300);
        _engine.Start(Request("live", ProgramPriority.Live, [1], _ => live) with { WhenPreempted = PreemptedProgramPolicy.End });
        Tick(3);
        _engine.Start(Request("alarm", ProgramPriority.Emergency, [1], _ => new ToneSource(1000)));
        Tick(1);
        _engine.Cancel("alarm");
        Tick(2);

        BroadcastEventArgs ended = await WaitForEventAsync(BroadcastEventKind.Ended, "live");
        Assert.Equal(ProgramEndReason.Preempted, ended.EndReason);
        Assert.True(sink.Last.IsIdle);
        await WaitUntilAsync(() => live.IsDisposed);
    }

    [Fact]
    public void BetweenEqualPrioritiesTheHolderKeepsTheCluster()
    {
        Attach(1);
        _engine.Start(Request("first", ProgramPriority.Normal, [1], _ => new ToneSource(300)));
        Tick(2);
        _engine.Start(Request("second", ProgramPriority.Normal, [1], _ => new ToneSource(600)));
        Tick(2);
        Assert.Equal("first", _engine.GetOnAirProgramId(1));

        _engine.Cancel("first");
        Tick(1);
        Assert.Equal("second", _engine.GetOnAirProgramId(1));
    }
}
