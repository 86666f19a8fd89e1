using System.Security.Cryptography;
using VanYen.Media.ReceiverAgent;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Devices;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.Integration.Tests.Devices;

/// <summary>
/// The broadcast side wired to the devices: live programs announced with NowPlaying (<see cref="ClusterNowPlayingNotifier"/>)
/// and one-off bulletins pushed ahead (<see cref="PreparedProgramPublisher"/>), with real espeak-ng, ffmpeg and a reference receiver.
/// </summary>
public sealed class BroadcastToDevicesTests : IAsyncLifetime
{
    private const string Text = "Thông báo của ủy ban nhân dân xã. Ngày mai toàn xã tổng vệ sinh đường làng ngõ xóm, đề nghị bà con tham gia đầy đủ.";

    private DeviceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DeviceTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ALiveProgramIsAnnouncedToTheClusterAndTheReceiverConfirmsItStartedAndFinished()
    {
        ReceiverAgent.ReceiverAgent agent = await _host.StartAgentAsync(0);
        await DeviceTestHost.WaitUntilAsync(() => agent.Connected, TimeSpan.FromSeconds(10), "the agent is connected");
        User admin = await AdminAsync();
        var broadcasts = _host.Get<IBroadcastService>();

        BroadcastView view = await broadcasts.StartAsync(admin, Tts(agent.Login!.ClusterId, startAt: null) with { Repetitions = 3 }, CancellationToken.None);
        await DeviceTestHost.WaitUntilAsync(() => agent.AnnouncedProgramId == view.Id, TimeSpan.FromSeconds(10), "NowPlaying reaches the agent");
        await DeviceTestHost.WaitUntilAsync(() => HasConfirmation(view.Id, "started"), TimeSpan.FromSeconds(10), "the agent confirms it started");
        Assert.Contains(agent.GetPlayedFrames(), frame => frame.ProgramId == view.Id && frame.Source == PlayedFrameSource.Live);
        Assert.False(HasConfirmation(view.Id, "finished"));

        await broadcasts.CancelAsync(admin, view.Id, null, CancellationToken.None);
        await DeviceTestHost.WaitUntilAsync(() => agent.AnnouncedProgramId is null, TimeSpan.FromSeconds(5), "NowPlaying(null) reaches the agent");
        await DeviceTestHost.WaitUntilAsync(() => HasConfirmation(view.Id, "finished"), TimeSpan.FromSeconds(10), "the agent confirms it finished");
    }

    [Fact]
    public async Task AScheduledTtsBulletinIsPushedAheadAndPlaysAtItsTimeWithTheNetworkDown()
    {
        ReceiverAgent.ReceiverAgent agent = await _host.StartAgentAsync(0);
        await DeviceTestHost.WaitUntilAsync(() => agent.Connected, TimeSpan.FromSeconds(10), "the agent is connected");
        var prepared = new TaskCompletionSource<PreparedProgram>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.ProgramPrepared += (_, program) => prepared.TrySetResult(program);
        User admin = await AdminAsync();

        DateTimeOffset startAt = DateTimeOffset.UtcNow.AddSeconds(5);
        BroadcastView view = await _host.Get<IBroadcastService>().StartAsync(admin, Tts(agent.Login!.ClusterId, startAt), CancellationToken.None);
        Assert.Equal(BroadcastState.Scheduled, view.State);

        PreparedProgram program = await prepared.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(view.Id, program.ProgramId);
        Assert.Equal(startAt, program.StartAt);
        string rendered = Path.Combine(_host.DataDirectory, PreparedProgramPublisher.FolderName, view.Id + ".opus");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(rendered))), program.Sha256);
        Assert.True(program.DurationMs > 2000, $"the rendered bulletin lasts {program.DurationMs} ms");
        Assert.True(DateTimeOffset.UtcNow < startAt, "pushed before its start time");

        agent.NetworkDown = true;
        DateTimeOffset end = startAt.AddMilliseconds(program.DurationMs + 500);
        await DeviceTestHost.WaitUntilAsync(() => DateTimeOffset.UtcNow > end, TimeSpan.FromSeconds(60), "the bulletin has played");
        PlayedFrame[] played = agent.GetPlayedFrames().Where(frame => frame.ProgramId == view.Id && frame.Source == PlayedFrameSource.Prepared).ToArray();
        Assert.InRange(played.Length, program.DurationMs / 20 * 8 / 10, (program.DurationMs / 20) + 2);
        // At its server time, give or take the agent's estimate of the server clock and a busy shared machine.
        Assert.InRange(played[0].At - startAt, TimeSpan.FromMilliseconds(-100), TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(agent.GetPlayedFrames(), frame => frame.ProgramId == view.Id && frame.Source == PlayedFrameSource.Live);
        short[] samples = played.SelectMany(frame => frame.Samples).ToArray();
        Assert.True(TestTones.Rms(samples) > 500, $"speech is heard (RMS {TestTones.Rms(samples)})");
        Assert.False(HasConfirmation(view.Id, "started"), "nothing is confirmed while the network is down");

        agent.NetworkDown = false;
        await DeviceTestHost.WaitUntilAsync(() => HasConfirmation(view.Id, "started") && HasConfirmation(view.Id, "finished"), TimeSpan.FromSeconds(15), "both confirmations arrive after the network returns");
    }

    [Fact]
    public async Task CancellingTheScheduleWithdrawsThePreparedBulletinFromTheReceiver()
    {
        ReceiverAgent.ReceiverAgent agent = await _host.StartAgentAsync(0);
        await DeviceTestHost.WaitUntilAsync(() => agent.Connected, TimeSpan.FromSeconds(10), "the agent is connected");
        var prepared = new TaskCompletionSource<PreparedProgram>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.ProgramPrepared += (_, program) => prepared.TrySetResult(program);
        User admin = await AdminAsync();
        var broadcasts = _host.Get<IBroadcastService>();

        BroadcastView view = await broadcasts.StartAsync(admin, Tts(agent.Login!.ClusterId, DateTimeOffset.UtcNow.AddMinutes(5)), CancellationToken.None);
        await prepared.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Contains(view.Id, agent.BufferedPrograms);

        await broadcasts.CancelAsync(admin, view.Id, null, CancellationToken.None);
        await DeviceTestHost.WaitUntilAsync(() => !agent.BufferedPrograms.Contains(view.Id), TimeSpan.FromSeconds(10), "CancelPrepared reaches the agent");
        Assert.False(_host.Get<IDeviceControl>().TryGetPreparedFile(view.Id, agent.Login.ClusterId, out _));
        Assert.False(File.Exists(Path.Combine(_host.DataDirectory, PreparedProgramPublisher.FolderName, view.Id + ".opus")));
    }

    [Fact]
    public async Task AShortStallOfTheStreamKeepsTheProgramReportedAndALongOneClearsIt()
    {
        ReceiverAgent.ReceiverAgent agent = await _host.StartAgentAsync(0);
        await DeviceTestHost.WaitUntilAsync(() => agent.Connected, TimeSpan.FromSeconds(10), "the agent is connected");
        User admin = await AdminAsync();
        BroadcastView view = await _host.Get<IBroadcastService>().StartAsync(admin, Tts(agent.Login!.ClusterId, startAt: null) with { Repetitions = 10 }, CancellationToken.None);
        await DeviceTestHost.WaitUntilAsync(() => agent.CurrentProgramId == view.Id, TimeSpan.FromSeconds(10), "the agent plays the program");

        // 500 ms without a packet (well past the jitter buffer's concealment) is a glitch: the program stays reported.
        int framesBefore = agent.GetPlayedFrames().Count;
        agent.NetworkDown = true;
        var stall = System.Diagnostics.Stopwatch.StartNew();
        var reported = new List<string?>();
        while (stall.Elapsed < TimeSpan.FromMilliseconds(500))
        {
            reported.Add(agent.CurrentProgramId);
            await Task.Delay(5);
        }

        agent.NetworkDown = false;
        Assert.All(reported, id => Assert.Equal(view.Id, id));
        Assert.Contains(agent.GetPlayedFrames().Skip(framesBefore), frame => frame.Source == PlayedFrameSource.Silence);

        // A stall longer than the hold clears it although the hub still announces the program.
        await DeviceTestHost.WaitUntilAsync(() => agent.GetPlayedFrames()[^1].Source == PlayedFrameSource.Live, TimeSpan.FromSeconds(5), "the stream plays again");
        agent.NetworkDown = true;
        await DeviceTestHost.WaitUntilAsync(() => agent.CurrentProgramId is null, TimeSpan.FromSeconds(3), "the long stall clears the reported program");
        Assert.Equal(view.Id, agent.AnnouncedProgramId);
        agent.NetworkDown = false;
        await DeviceTestHost.WaitUntilAsync(() => agent.CurrentProgramId == view.Id, TimeSpan.FromSeconds(10), "the program is reported again once it plays");
    }

    private static BroadcastCommand Tts(long clusterId, DateTimeOffset? startAt) => new()
    {
        Title = "Tổng vệ sinh",
        Source = new BroadcastSource { Kind = BroadcastSourceKind.Tts, Text = Text },
        ClusterIds = [clusterId],
        StartAt = startAt,
    };

    private async Task<User> AdminAsync() =>
        await _host.Get<IUserRepository>().FindByUsernameAsync("admin") ?? throw new InvalidOperationException("no demo admin");

    private bool HasConfirmation(string programId, string playbackEvent) =>
        _host.Get<IAuditLog>().QueryAsync(new AuditQuery { Action = DeviceControl.PlaybackAuditAction }).GetAwaiter().GetResult().Entries
            .Any(entry => entry.DetailsJson!.Contains($"\"programId\":\"{programId}\"", StringComparison.Ordinal)
                && entry.DetailsJson.Contains($"\"event\":\"{playbackEvent}\"", StringComparison.Ordinal));
}
