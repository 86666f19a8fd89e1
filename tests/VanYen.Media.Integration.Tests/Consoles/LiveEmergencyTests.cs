using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Integration.Tests.EndToEnd;
using VanYen.Media.Signaling.Contracts.Broadcast;
using VanYen.Media.Signaling.Hubs;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Integration.Tests.Consoles;

/// <summary>
/// An emergency spoken live from the console (the broadcast hub's StartLive with level emergency) follows the rules
/// of an emergency bulletin: it preempts the village's bulletin, is audited at emergency priority, and the village's
/// console is told it is an emergency on air (what its banner shows); the bulletin resumes when it stops.
/// </summary>
public sealed partial class LiveEmergencyTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>, IAsyncLifetime
{
    private const string LongBulletin =
        "Thông báo của thôn Làng Hốc. Chiều nay, toàn thể bà con tập trung tại nhà văn hoá để họp bàn việc làm đường. " +
        "Đề nghị các hộ gia đình cử người đến đúng giờ. Ban cán sự thôn trân trọng cảm ơn bà con. " +
        "Thông báo về lịch tiêm chủng tháng mười hai: đề nghị bà con đưa trẻ đến trạm y tế xã vào sáng thứ hai.";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public Task InitializeAsync() => fixture.SilenceBothClustersAsync();

    public Task DisposeAsync() => fixture.SilenceBothClustersAsync();

    [Fact]
    public async Task ACommuneLiveEmergencyPreemptsTheVillageBulletinIsAuditedAsEmergencyAndTheVillageConsoleIsToldItIsOne()
    {
        using var village = await fixture.ClientForAsync("pt.lang-hoc");
        using var commune = await fixture.ClientForAsync("pt.an-thinh");
        // The commune's bulletin airs without approval (a village announcer's would wait for one).
        string bulletinId = await StartBulletinAsync(commune);
        await fixture.WaitUntilAsync(async () => await fixture.PlayingProgramAsync(fixture.LangHocReceiverId) == bulletinId, "the village bulletin plays");

        var villagePushes = new ConcurrentQueue<BroadcastChangedMessage>();
        await using HubConnection villageConsole = await ConnectAsync(village);
        villageConsole.On<BroadcastChangedMessage>(BroadcastHub.BroadcastChangedMethod, villagePushes.Enqueue);
        await using HubConnection communeConsole = await ConnectAsync(commune);
        await using var microphone = new BrowserLikePeer();

        StartLiveResponse started = await communeConsole.InvokeAsync<StartLiveResponse>(
            nameof(BroadcastHub.StartLive),
            new StartLiveRequest("Lũ quét", [fixture.LangHocClusterId], null, microphone.CreateOffer("sendonly"), StartLiveRequest.EmergencyLevel));
        microphone.AcceptAnswer(started.AnswerSdp);
        await microphone.ConnectAsync(new IPEndPoint(IPAddress.Loopback, ServerPort(started.AnswerSdp)));
        using var speaking = new CancellationTokenSource();
        Task voice = SpeakAsync(microphone, speaking.Token);
        try
        {
            await fixture.WaitUntilAsync(async () => await fixture.PlayingProgramAsync(fixture.LangHocReceiverId) == started.BroadcastId, "the live emergency plays in the village");

            BroadcastChangedMessage pushed = await WaitForPushAsync(villagePushes, m => m.Id == started.BroadcastId && m.State == "OnAir" && m.ClustersOnAir.Contains(fixture.LangHocClusterId));
            Assert.Equal("Emergency", pushed.Priority);
            Assert.Equal("Live", pushed.SourceKind);
            Assert.Equal("pt.an-thinh", pushed.CreatedBy);

            var preempted = await fixture.WaitForAuditAsync("broadcast.preempted", bulletinId, e => e.Count >= 1, "the bulletin was preempted");
            Assert.Contains(started.BroadcastId, preempted[0].GetProperty("detailsJson").GetString(), StringComparison.Ordinal);
            var audited = await fixture.WaitForAuditAsync("broadcast.started", started.BroadcastId, e => e.Count == 1, "the live emergency started");
            using JsonDocument details = JsonDocument.Parse(audited[0].GetProperty("detailsJson").GetString()!);
            Assert.Equal("emergency", details.RootElement.GetProperty("priority").GetString());
            Assert.Equal("live", details.RootElement.GetProperty("source").GetString());
            Assert.True(details.RootElement.GetProperty("chime").GetBoolean(), "a live emergency chimes first, like an emergency bulletin");
            Assert.Equal("pt.an-thinh", audited[0].GetProperty("userName").GetString());
        }
        finally
        {
            await speaking.CancelAsync();
            await voice;
        }

        await communeConsole.InvokeAsync(nameof(BroadcastHub.StopLive), started.BroadcastId);
        await WaitForPushAsync(villagePushes, m => m.Id == started.BroadcastId && m.State == "Ended");
        await fixture.WaitForAuditAsync("broadcast.resumed", bulletinId, e => e.Count >= 1, "the bulletin resumed");
    }

    [Fact]
    public async Task AnUnknownLevelIsRefusedWith400AndAViewerWith403()
    {
        using var commune = await fixture.ClientForAsync("pt.an-thinh");
        using var viewer = await fixture.ClientForAsync("xem.huyen");
        await using HubConnection communeConsole = await ConnectAsync(commune);
        await using HubConnection viewerConsole = await ConnectAsync(viewer);
        await using var microphone = new BrowserLikePeer();

        var unknown = await Assert.ThrowsAsync<HubException>(() => communeConsole.InvokeAsync<StartLiveResponse>(
            nameof(BroadcastHub.StartLive),
            new StartLiveRequest("Lũ quét", [fixture.LangHocClusterId], null, microphone.CreateOffer("sendonly"), "catastrophe")));
        var forbidden = await Assert.ThrowsAsync<HubException>(() => viewerConsole.InvokeAsync<StartLiveResponse>(
            nameof(BroadcastHub.StartLive),
            new StartLiveRequest("Lũ quét", [fixture.LangHocClusterId], null, microphone.CreateOffer("sendonly"), StartLiveRequest.EmergencyLevel)));

        Assert.Contains("HubException: 400 Bad Request", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("catastrophe", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("HubException: 403 Forbidden", forbidden.Message, StringComparison.Ordinal);
        Assert.Null(await fixture.PlayingProgramAsync(fixture.LangHocReceiverId));
    }

    private async Task<string> StartBulletinAsync(HttpClient announcer)
    {
        using var response = await announcer.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Lịch tiêm chủng",
            source = new { kind = "tts", text = LongBulletin },
            repetitions = 3,
            clusterIds = new[] { fixture.LangHocClusterId },
        });
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<HubConnection> ConnectAsync(HttpClient user)
    {
        string token = user.DefaultRequestHeaders.Authorization!.Parameter!;
        HubConnection hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Server.Url, BroadcastHub.Path), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    /// <summary>A 440 Hz tone in Opus, every 20 ms, until cancelled: the announcer speaking.</summary>
    private static async Task SpeakAsync(BrowserLikePeer microphone, CancellationToken cancellationToken)
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Channels = 1, Bitrate = 32000 });
        short[] frame = new short[960];
        byte[] packet = new byte[1275];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int index = 0; !cancellationToken.IsCancellationRequested; index++)
        {
            for (int sample = 0; sample < frame.Length; sample++)
            {
                frame[sample] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * ((index * 960) + sample) / 48000.0));
            }

            microphone.SendOpus(packet.AsSpan(0, encoder.Encode(frame, packet)));
            TimeSpan wait = TimeSpan.FromMilliseconds(20 * (index + 1)) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }
        }
    }

    private static int ServerPort(string answerSdp) =>
        int.Parse(HostCandidate().Match(answerSdp).Groups[1].Value, CultureInfo.InvariantCulture);

    private static async Task<BroadcastChangedMessage> WaitForPushAsync(ConcurrentQueue<BroadcastChangedMessage> pushes, Func<BroadcastChangedMessage, bool> wanted)
    {
        var seen = new List<BroadcastChangedMessage>();
        using var timeout = new CancellationTokenSource(Patience);
        while (!timeout.IsCancellationRequested)
        {
            while (pushes.TryDequeue(out BroadcastChangedMessage? message))
            {
                seen.Add(message);
                if (wanted(message))
                {
                    return message;
                }
            }

            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Fail("no such push; seen: " + string.Join("; ", seen.Select(m => $"{m.Id} {m.Priority} {m.State}")));
        return null!;
    }

    [GeneratedRegex(@"127\.0\.0\.1 (\d+) typ host")]
    private static partial Regex HostCandidate();
}
