using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using VanYen.Media.ReceiverAgent;

namespace VanYen.Media.Integration.Tests.EndToEnd;

public sealed partial class BroadcastEndToEndTests
{
    [Fact]
    public async Task CancelSilencesTheReceiverWithin200Milliseconds()
    {
        using var village = await fixture.ClientForAsync("pt.lang-hoc");
        string id = await StartAsync(village, new { title = "Họp thôn", source = new { kind = "tts", text = LongBulletin }, clusterIds = new[] { fixture.LangHocClusterId } });
        await WaitPlayingAsync(id, null, "the bulletin plays in Làng Hốc");
        await Task.Delay(1500);
        ReceiverAgent.ReceiverAgent agent = fixture.LangHocAgent;

        // Packet arrivals are sampled every millisecond or so: the agent counts them but keeps no arrival times.
        var clock = Stopwatch.StartNew();
        TimeSpan lastArrival = TimeSpan.Zero;
        var arrivals = new List<TimeSpan>();
        long packetsBefore = agent.ReceivedPackets;
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            long seen = agent.ReceivedPackets;
            while (!stopSampling.IsCancellationRequested)
            {
                long now = agent.ReceivedPackets;
                if (now != seen)
                {
                    seen = now;
                    lastArrival = clock.Elapsed;
                    lock (arrivals)
                    {
                        arrivals.Add(lastArrival);
                    }
                }

                await Task.Delay(1);
            }
        });
        await Task.Delay(300);
        Assert.True(agent.ReceivedPackets > packetsBefore, "packets arrive before the cancel");

        DateTimeOffset sentAtWall = DateTimeOffset.UtcNow;
        TimeSpan sentAt = clock.Elapsed;
        using (var cancelled = await village.PostAsync($"/api/broadcasts/{Uri.EscapeDataString(id)}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        TimeSpan returnedAt = clock.Elapsed;
        DateTimeOffset returnedAtWall = DateTimeOffset.UtcNow;
        await Task.Delay(1500);
        await stopSampling.CancelAsync();
        await sampler;

        PlayedFrame? lastSound = agent.GetPlayedFrames().LastOrDefault(f => f.Source == PlayedFrameSource.Live && ProgramAudio.Rms(f.Samples) > 30);
        TimeSpan packetAfterSend = lastArrival - sentAt;
        TimeSpan packetAfterReturn = lastArrival - returnedAt;
        lock (arrivals)
        {
            output.WriteLine("arrivals around the cancel (ms from send): " + string.Join(" ", arrivals.Where(a => a > sentAt - TimeSpan.FromMilliseconds(300)).Select(a => (a - sentAt).TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))));
        }

        output.WriteLine($"cancel HTTP round trip {(returnedAt - sentAt).TotalMilliseconds:F1} ms");
        output.WriteLine($"last packet arrived {packetAfterSend.TotalMilliseconds:F1} ms after the cancel was sent ({packetAfterReturn.TotalMilliseconds:F1} ms after it returned)");
        PlayedFrame? lastLive = agent.GetPlayedFrames().LastOrDefault(f => f.Source == PlayedFrameSource.Live);
        if (lastLive is not null)
        {
            output.WriteLine($"last live frame (stream or concealment) played {(lastLive.At - sentAtWall).TotalMilliseconds:F1} ms after the cancel was sent ({(lastLive.At - returnedAtWall).TotalMilliseconds:F1} ms after it returned)");
        }

        if (lastSound is not null)
        {
            output.WriteLine($"last non-silent frame played {(lastSound.At - sentAtWall).TotalMilliseconds:F1} ms after the cancel was sent ({(lastSound.At - returnedAtWall).TotalMilliseconds:F1} ms after it returned; includes the jitter buffer)");
        }

        Assert.True(packetAfterSend < TimeSpan.FromMilliseconds(200), $"the last packet arrived {packetAfterSend.TotalMilliseconds:F1} ms after the cancel request");
        Assert.Null(await fixture.PlayingProgramAsync(fixture.LangHocReceiverId));
        var cancelledBy = await fixture.WaitForAuditAsync("broadcast.cancelled", id, e => e.Count == 1, "cancelled");
        Assert.Equal("pt.lang-hoc", cancelledBy[0].GetProperty("userName").GetString());
        var ended = await fixture.WaitForAuditAsync("broadcast.ended", id, e => e.Count == 1, "ended");
        Assert.Contains("cancel", ended[0].GetProperty("detailsJson").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVillageAnnouncerIsRefusedOnTheNeighboursClusterAndOnTheDistrictEmergency()
    {
        using var admin = await fixture.ClientForAsync("admin");
        using var village = await fixture.ClientForAsync("pt.lang-hoc");
        string emergencyId = await StartAsync(admin, new
        {
            title = "Cảnh báo lũ",
            level = "emergency",
            source = new { kind = "tts", text = EmergencyText },
            clusterIds = new[] { fixture.LangHocClusterId },
        });
        await WaitPlayingAsync(emergencyId, null, "the district emergency plays in Làng Hốc");

        using var neighbour = await village.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Thông báo",
            source = new { kind = "tts", text = "Xin chào bà con thôn Thác Cá." },
            clusterIds = new[] { fixture.ThacCaClusterId },
        });
        using var cancel = await village.PostAsync($"/api/broadcasts/{Uri.EscapeDataString(emergencyId)}/cancel", null);

        Assert.Equal(HttpStatusCode.Forbidden, neighbour.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        await Task.Delay(500);
        Assert.Equal(emergencyId, await fixture.PlayingProgramAsync(fixture.LangHocReceiverId));
        Assert.Null(await fixture.PlayingProgramAsync(fixture.ThacCaReceiverId));

        using (var cancelledByAdmin = await admin.PostAsync($"/api/broadcasts/{Uri.EscapeDataString(emergencyId)}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancelledByAdmin.StatusCode);
        }

        // The admin's cancel is audited (so the query below sees cancels), the village announcer's refused one is not.
        var cancels = await fixture.WaitForAuditAsync("broadcast.cancelled", emergencyId, e => e.Count >= 1, "the admin's cancel");
        Assert.All(cancels, e => Assert.Equal("admin", e.GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task AReceiverThatDropsAndReturnsResumesTheLiveProgramWithinTwoSeconds()
    {
        using var commune = await fixture.ClientForAsync("pt.an-thinh");
        await MakeSignalAsync("nhac-lai", TimeSpan.FromSeconds(4));
        long item = await UploadAsync(commune, "nhac-lai");
        string id = await StartAsync(commune, new { title = "Nhạc", source = new { kind = "file", libraryItemId = item }, repetitions = 5, clusterIds = new[] { fixture.ThacCaClusterId } });
        await WaitPlayingAsync(null, id, "the file plays in Thác Cá");
        await Task.Delay(500);

        string receiver = fixture.ThacCaReceiverId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        int loginsBefore = (await fixture.WaitForAuditAsync("device.login", receiver, e => e.Count >= 1, "the first device login")).Count;
        ReceiverAgent.ReceiverAgent? returned = null;
        DateTimeOffset loginAt = default;
        var clock = new Stopwatch();
        await fixture.ReplaceThacCaAgentAsync(async () =>
        {
            await Task.Delay(1000); // Gone for a second: the server keeps sending into the void.
            loginAt = DateTimeOffset.UtcNow;
            clock.Start();
            returned = await fixture.StartAgentAsync(fixture.ThacCaReceiverId);
            return returned;
        });
        TimeSpan loggedInAfter = clock.Elapsed;
        await fixture.WaitUntilAsync(() => returned!.ReceivedPackets > 0, TimeSpan.FromSeconds(10), "packets reach the returned receiver");
        TimeSpan firstPacketAfter = clock.Elapsed;
        await fixture.WaitUntilAsync(
            () => returned!.GetPlayedFrames().Any(f => f.Source == PlayedFrameSource.Live),
            TimeSpan.FromSeconds(10),
            "the returned receiver plays");
        PlayedFrame first = returned!.GetPlayedFrames().First(f => f.Source == PlayedFrameSource.Live);
        TimeSpan resumedAfter = first.At - loginAt;
        output.WriteLine($"login took {loggedInAfter.TotalMilliseconds:F0} ms; first packet ≤ {firstPacketAfter.TotalMilliseconds:F0} ms and first played frame {resumedAfter.TotalMilliseconds:F0} ms after the new login began");

        Assert.True(resumedAfter < TimeSpan.FromSeconds(2), $"resumed {resumedAfter.TotalMilliseconds:F0} ms after the new login");
        // The server learns what the receiver plays from its next heartbeat.
        await fixture.WaitUntilAsync(async () => await fixture.PlayingProgramAsync(fixture.ThacCaReceiverId) == id, "the returned receiver reports the program");
        await Task.Delay(1000);
        short[] heard = ProgramAudio.PlayedSince(returned, 0);
        Assert.True(ProgramAudio.Rms(heard) > 300, $"the returned receiver plays sound (RMS {ProgramAudio.Rms(heard):F0})");
        await fixture.WaitForAuditAsync("device.login", receiver, e => e.Count > loginsBefore, "the new device login");
    }

    [Fact]
    public async Task TheReceiverIsToldWhichProgramPlays()
    {
        using var commune = await fixture.ClientForAsync("pt.an-thinh");
        string id = await StartAsync(commune, new { title = "Thông báo", source = new { kind = "tts", text = LongBulletin }, clusterIds = new[] { fixture.ThacCaClusterId } });

        await fixture.WaitUntilAsync(() => fixture.ThacCaAgent.CurrentProgramId == id, TimeSpan.FromSeconds(10), "the receiver plays the announced program");

        Assert.Equal(id, fixture.ThacCaAgent.AnnouncedProgramId);

        // What each receiver confirmed playing is in the audit log.
        string receiver = fixture.ThacCaReceiverId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await fixture.WaitForAuditAsync("receiver.playback", receiver, entries => entries.Any(e => e.GetRawText().Contains(id, StringComparison.Ordinal)), "the receiver's confirmation");
    }
}
