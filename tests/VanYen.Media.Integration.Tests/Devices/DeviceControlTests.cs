using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VanYen.Media.ReceiverAgent;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Devices;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.Integration.Tests.Devices;

/// <summary>The control channel end to end: the in-process host's <see cref="IDeviceControl"/> and hub, reference receivers over HTTPS.</summary>
public sealed class DeviceControlTests : IAsyncLifetime
{
    private DeviceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DeviceTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HeartbeatsMarkTheReceiverOnlineAndSeen()
    {
        var control = _host.Get<IDeviceControl>();
        long receiverId = _host.Devices[0].ReceiverId;
        Assert.DoesNotContain(control.GetHealth(), health => health.ReceiverId == receiverId && health.Online);
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);

        ReceiverAgent.ReceiverAgent agent = await _host.StartAgentAsync(0);
        await DeviceTestHost.WaitUntilAsync(() => control.GetHealth().Any(health => health.ReceiverId == receiverId && health.Online), TimeSpan.FromSeconds(10), "the receiver is online");

        DeviceHealth device = control.GetHealth().Single(health => health.ReceiverId == receiverId);
        Assert.True(device.ControlConnected);
        Assert.Equal(agent.Login!.ClusterId, device.ClusterId);
        Assert.Equal(agent.Volume, device.Volume);
        Assert.InRange(device.LastHeartbeat!.Value, before, DateTimeOffset.UtcNow);
        Receiver? stored = await _host.Get<IReceiverRepository>().GetAsync(receiverId);
        Assert.InRange(stored!.LastSeen!.Value, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task APlaybackConfirmationLandsInTheAuditLogWithReceiverProgramAndCluster()
    {
        (long receiverId, string secret) = _host.Devices[1];
        DeviceLoginResponse login = await LogInAsync(receiverId, secret);
        await using HubConnection hub = await ConnectAsync(login);

        DateTimeOffset at = DateTimeOffset.UtcNow;
        await hub.InvokeAsync("ConfirmPlayback", new PlaybackConfirmation("program-42", PlaybackEvent.Started, at));
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("ConfirmPlayback", new PlaybackConfirmation(" ", PlaybackEvent.Finished, at)));
        Assert.Contains("programId", error.Message, StringComparison.Ordinal);

        AuditPage page = await _host.Get<IAuditLog>().QueryAsync(new AuditQuery { Action = DeviceControl.PlaybackAuditAction });
        AuditEntry entry = Assert.Single(page.Entries);
        Assert.Equal("receiver", entry.TargetKind);
        Assert.Equal(receiverId.ToString(CultureInfo.InvariantCulture), entry.TargetId);
        Cluster? cluster = await _host.Get<IClusterRepository>().GetAsync(login.ClusterId);
        Assert.Equal(cluster!.AreaId, entry.AreaId);
        Assert.Contains("\"programId\":\"program-42\"", entry.DetailsJson, StringComparison.Ordinal);
        Assert.Contains("\"event\":\"started\"", entry.DetailsJson, StringComparison.Ordinal);
        Assert.Contains($"\"clusterId\":{login.ClusterId}", entry.DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VolumeAndMuteSentByTheServerReachTheAgentAndComeBackInItsHeartbeat()
    {
        ReceiverAgent.ReceiverAgent agent = await _host.StartAgentAsync(0);
        await DeviceTestHost.WaitUntilAsync(() => agent.Connected, TimeSpan.FromSeconds(10), "the agent is connected");
        var control = _host.Get<IDeviceControl>();
        int volume = agent.Volume == 37 ? 38 : 37;

        await control.SetClusterVolumeAsync(agent.Login!.ClusterId, volume);
        await control.SetReceiverMuteAsync(_host.Devices[0].ReceiverId, true);
        await DeviceTestHost.WaitUntilAsync(() => agent.Volume == volume && agent.Muted, TimeSpan.FromSeconds(5), "volume and mute arrive");

        await agent.SendHeartbeatAsync();
        DeviceHealth health = control.GetHealth().Single(device => device.ReceiverId == _host.Devices[0].ReceiverId);
        Assert.Equal(volume, health.Volume);
        Assert.True(health.Muted);
    }

    [Fact]
    public async Task APreparedProgramPlaysAtItsServerTimeWithTheNetworkDownAndIsConfirmedWhenItReturns()
    {
        ReceiverAgent.ReceiverAgent agent = await _host.StartAgentAsync(0);
        await DeviceTestHost.WaitUntilAsync(() => agent.Connected, TimeSpan.FromSeconds(10), "the agent is connected");
        var control = _host.Get<IDeviceControl>();
        await control.SetClusterVolumeAsync(agent.Login!.ClusterId, 100);
        await DeviceTestHost.WaitUntilAsync(() => agent.Volume == 100, TimeSpan.FromSeconds(5), "volume 100");

        string path = Path.Combine(_host.DataDirectory, "bulletin.opus");
        short[] tone = TestTones.Sine(440, TimeSpan.FromSeconds(2));
        await TestTones.WriteOggOpusAsync(path, tone);
        var prepared = new TaskCompletionSource<PreparedProgram>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.ProgramPrepared += (_, program) => prepared.TrySetResult(program);

        DateTimeOffset startAt = DateTimeOffset.UtcNow.AddSeconds(3);
        PreparedProgram sent = await control.PushPreparedProgramAsync([agent.Login.ClusterId], "bulletin-1", "Thông báo", path, startAt);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), sent.Sha256);
        Assert.InRange(sent.DurationMs, 1900, 2100);
        await prepared.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("bulletin-1", agent.BufferedPrograms);

        agent.NetworkDown = true;
        await DeviceTestHost.WaitUntilAsync(() => DateTimeOffset.UtcNow > startAt.AddSeconds(2.5), TimeSpan.FromSeconds(10), "the bulletin has played");
        AuditPage offline = await _host.Get<IAuditLog>().QueryAsync(new AuditQuery { Action = DeviceControl.PlaybackAuditAction });
        Assert.Empty(offline.Entries);

        PlayedFrame[] played = agent.GetPlayedFrames().Where(frame => frame.ProgramId == "bulletin-1" && frame.Source == PlayedFrameSource.Prepared).ToArray();

        // It played from the server time it was given to the end of the bulletin (same machine: the clock offset is
        // about zero). Under load the playout clock may skip a few ticks; the agent then keeps to the timeline.
        Assert.True(played.Length >= 50, $"{played.Length} frames, clock {agent.PlayoutClockStatistics}, at " + string.Join(",", played.Select(frame => (frame.At - startAt).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture))));
        Assert.InRange(played.Length, 50, 101);
        Assert.InRange(played[0].At - startAt, TimeSpan.FromMilliseconds(-40), TimeSpan.FromMilliseconds(150));
        // Ticks the busy clock skipped at the end are not played (the timeline goes on), so the last frame is earlier.
        TimeSpan lastFrame = played[^1].At - startAt;
        long skipped = agent.PlayoutClockStatistics.Skipped;
        Assert.True(
            lastFrame >= TimeSpan.FromMilliseconds(1900 - (20 * skipped)) && lastFrame <= TimeSpan.FromMilliseconds(2300),
            $"the last frame played {lastFrame.TotalMilliseconds:F0} ms after the start ({skipped} ticks skipped)");
        short[] samples = played.SelectMany(frame => frame.Samples).ToArray();
        Assert.True(TestTones.Power(samples, 440) > 100 * TestTones.Power(samples, 1000), "the played audio is the 440 Hz bulletin");
        Assert.InRange(TestTones.Rms(samples), 0.7 * TestTones.Rms(tone), 1.3 * TestTones.Rms(tone));

        agent.NetworkDown = false;
        await DeviceTestHost.WaitUntilAsync(() => CountConfirmations() == 2, TimeSpan.FromSeconds(10), "both confirmations arrive after the network returns");
        AuditPage online = await _host.Get<IAuditLog>().QueryAsync(new AuditQuery { Action = DeviceControl.PlaybackAuditAction });
        Assert.Contains(online.Entries, entry => entry.DetailsJson!.Contains("\"event\":\"started\"", StringComparison.Ordinal) && entry.DetailsJson.Contains("bulletin-1", StringComparison.Ordinal));
        Assert.Contains(online.Entries, entry => entry.DetailsJson!.Contains("\"event\":\"finished\"", StringComparison.Ordinal) && entry.DetailsJson.Contains("bulletin-1", StringComparison.Ordinal));
    }

    private int CountConfirmations() =>
        _host.Get<IAuditLog>().QueryAsync(new AuditQuery { Action = DeviceControl.PlaybackAuditAction }).GetAwaiter().GetResult().Entries.Count;

    private async Task<DeviceLoginResponse> LogInAsync(long receiverId, string secret)
    {
        using var client = new HttpClient(PinnedHandler()) { BaseAddress = _host.HttpsUrl };
        using var response = await client.PostAsJsonAsync("/api/devices/login", new DeviceLoginRequest(receiverId.ToString(CultureInfo.InvariantCulture), secret));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DeviceLoginResponse>())!;
    }

    private async Task<HubConnection> ConnectAsync(DeviceLoginResponse login)
    {
        HubConnection hub = new HubConnectionBuilder()
            .WithUrl(login.ControlHubUrl, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(login.Token);
                options.HttpMessageHandlerFactory = _ => PinnedHandler();
                options.WebSocketConfiguration = socket => socket.RemoteCertificateValidationCallback = (_, certificate, _, _) => IsPinned(certificate);
            })
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private SocketsHttpHandler PinnedHandler()
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => IsPinned(certificate);
        return handler;
    }

    private bool IsPinned(System.Security.Cryptography.X509Certificates.X509Certificate? certificate) =>
        certificate is not null
        && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())) == _host.Fingerprint.Replace(":", string.Empty, StringComparison.Ordinal);
}
