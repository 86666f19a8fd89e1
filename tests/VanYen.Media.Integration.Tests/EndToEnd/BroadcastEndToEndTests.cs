using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace VanYen.Media.Integration.Tests.EndToEnd;

/// <summary>
/// Issue 4 §6 end to end: the real server process, the REST API as the console calls it, and reference receivers on
/// two villages' clusters hearing what the server sends over SRTP. Every test leaves both clusters quiet.
/// </summary>
public sealed partial class BroadcastEndToEndTests(EndToEndFixture fixture, ITestOutputHelper output) : IClassFixture<EndToEndFixture>, IAsyncLifetime
{
    private const string Voice = "vi";
    private const int Rate = 165;

    private const string LangHocBulletin =
        "Thông báo của thôn Làng Hốc. Chiều nay, toàn thể bà con tập trung tại nhà văn hoá để họp bàn việc làm đường.";

    private const string LongBulletin =
        "Thông báo của thôn Làng Hốc. Chiều nay, toàn thể bà con tập trung tại nhà văn hoá để họp bàn việc làm đường. " +
        "Đề nghị các hộ gia đình cử người đến đúng giờ. Ban cán sự thôn trân trọng cảm ơn bà con. " +
        "Thông báo về lịch tiêm chủng tháng mười hai: đề nghị bà con đưa trẻ đến trạm y tế xã vào sáng thứ hai.";

    private const string EmergencyText = "Khẩn cấp. Lũ quét đang về trên suối Thác Cá. Bà con khẩn trương di chuyển lên chỗ cao.";

    public Task InitializeAsync() => fixture.SilenceBothClustersAsync();

    public Task DisposeAsync() => fixture.SilenceBothClustersAsync();

    [Fact]
    public async Task TwoVillagesHearTheirOwnProgramsAtTheSameTime()
    {
        using var village = await fixture.ClientForAsync("pt.lang-hoc");
        using var commune = await fixture.ClientForAsync("pt.an-thinh");
        short[] signal = await MakeSignalAsync("ban-nhac", TimeSpan.FromSeconds(4));
        long item = await UploadAsync(commune, "ban-nhac");
        short[] speech = await TtsReferenceAsync(village, LangHocBulletin);

        int langHocMark = fixture.LangHocAgent.GetPlayedFrames().Count;
        int thacCaMark = fixture.ThacCaAgent.GetPlayedFrames().Count;
        var tts = StartAsync(village, new { title = "Họp thôn", source = new { kind = "tts", text = LangHocBulletin, voice = Voice, rate = Rate }, clusterIds = new[] { fixture.LangHocClusterId } });
        var file = StartAsync(commune, new { title = "Nhạc hiệu", source = new { kind = "file", libraryItemId = item }, clusterIds = new[] { fixture.ThacCaClusterId } });
        string ttsId = await tts;
        string fileId = await file;
        await WaitPlayingAsync(ttsId, fileId, "each cluster sends its own program");
        await WaitEndedAsync(village, ttsId, TimeSpan.FromSeconds(40));
        await WaitEndedAsync(commune, fileId, TimeSpan.FromSeconds(40));

        output.WriteLine($"playout clock (late, skipped, errors): Làng Hốc {fixture.LangHocAgent.PlayoutClockStatistics}, Thác Cá {fixture.ThacCaAgent.PlayoutClockStatistics}");
        short[] heardInLangHoc = ProgramAudio.PlayedSince(fixture.LangHocAgent, langHocMark);
        short[] heardInThacCa = ProgramAudio.PlayedSince(fixture.ThacCaAgent, thacCaMark);
        double speechOwn = ProgramAudio.BestWindowCorrelation(heardInLangHoc, speech);
        double speechOther = ProgramAudio.BestWindowCorrelation(heardInLangHoc, signal);
        double fileOwn = ProgramAudio.BestWindowCorrelation(heardInThacCa, signal);
        double fileOther = ProgramAudio.BestWindowCorrelation(heardInThacCa, speech);
        output.WriteLine($"Làng Hốc heard {heardInLangHoc.Length / 48000.0:F2} s: correlation {speechOwn:F3} with the TTS reference, {speechOther:F3} with the file");
        output.WriteLine($"Thác Cá heard {heardInThacCa.Length / 48000.0:F2} s: correlation {fileOwn:F3} with the file, {fileOther:F3} with the TTS reference");
        // Through Opus, the loudness normaliser and the limiter a program keeps its shape (~0.9); unrelated signals stay
        // below ~0.2 (half-second windows at any lag within ±0.5 s find some chance likeness).
        Assert.True(speechOwn > 0.6, $"Làng Hốc's audio correlates {speechOwn:F3} with its TTS bulletin");
        Assert.True(fileOwn > 0.6, $"Thác Cá's audio correlates {fileOwn:F3} with its file");
        Assert.True(speechOther < 0.35 && speechOther < speechOwn / 3, $"Làng Hốc's audio correlates {speechOther:F3} with the other program");
        Assert.True(fileOther < 0.35 && fileOther < fileOwn / 3, $"Thác Cá's audio correlates {fileOther:F3} with the other program");

        foreach (string id in new[] { ttsId, fileId })
        {
            await fixture.WaitForAuditAsync("broadcast.started", id, e => e.Count == 1, "started " + id);
            await fixture.WaitForAuditAsync("broadcast.on-air", id, e => e.Count >= 1, "on air " + id);
            await fixture.WaitForAuditAsync("broadcast.ended", id, e => e.Count == 1, "ended " + id);
        }

        var started = await fixture.WaitForAuditAsync("broadcast.started", ttsId, e => e.Count == 1, "started by");
        Assert.Equal("pt.lang-hoc", started[0].GetProperty("userName").GetString());
        started = await fixture.WaitForAuditAsync("broadcast.started", fileId, e => e.Count == 1, "started by");
        Assert.Equal("pt.an-thinh", started[0].GetProperty("userName").GetString());
    }

    [Fact]
    public async Task ACommuneEmergencyPreemptsBothVillagesAndTheBulletinsResumeAfterItsCancelled()
    {
        using var village = await fixture.ClientForAsync("pt.lang-hoc");
        using var commune = await fixture.ClientForAsync("pt.an-thinh");
        await MakeSignalAsync("nhac-dai", TimeSpan.FromSeconds(4));
        long item = await UploadAsync(commune, "nhac-dai");
        string ttsId = await StartAsync(village, new { title = "Họp thôn", source = new { kind = "tts", text = LongBulletin }, clusterIds = new[] { fixture.LangHocClusterId } });
        string fileId = await StartAsync(commune, new { title = "Nhạc", source = new { kind = "file", libraryItemId = item }, repetitions = 8, clusterIds = new[] { fixture.ThacCaClusterId } });
        await WaitPlayingAsync(ttsId, fileId, "both bulletins play");

        string emergencyId = await StartAsync(commune, new
        {
            title = "Lũ quét",
            level = "emergency",
            source = new { kind = "tts", text = EmergencyText },
            clusterIds = new[] { fixture.LangHocClusterId, fixture.ThacCaClusterId },
        });
        await WaitPlayingAsync(emergencyId, emergencyId, "both receivers are sent the emergency");
        long langHocPackets = fixture.LangHocAgent.ReceivedPackets;
        long thacCaPackets = fixture.ThacCaAgent.ReceivedPackets;
        int langHocMark = fixture.LangHocAgent.GetPlayedFrames().Count;
        int thacCaMark = fixture.ThacCaAgent.GetPlayedFrames().Count;
        await Task.Delay(1000);
        Assert.Equal(emergencyId, await fixture.PlayingProgramAsync(fixture.LangHocReceiverId));
        Assert.Equal(emergencyId, await fixture.PlayingProgramAsync(fixture.ThacCaReceiverId));
        Assert.True(fixture.LangHocAgent.ReceivedPackets - langHocPackets > 25, "Làng Hốc receives the emergency");
        Assert.True(fixture.ThacCaAgent.ReceivedPackets - thacCaPackets > 25, "Thác Cá receives the emergency");
        Assert.True(ProgramAudio.PlayedSince(fixture.LangHocAgent, langHocMark).Length > 25 * 960, "Làng Hốc plays the emergency");
        Assert.True(ProgramAudio.PlayedSince(fixture.ThacCaAgent, thacCaMark).Length > 25 * 960, "Thác Cá plays the emergency");

        using (var cancelled = await commune.PostAsync($"/api/broadcasts/{Uri.EscapeDataString(emergencyId)}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        await WaitPlayingAsync(ttsId, fileId, "both bulletins resume");

        foreach (string id in new[] { ttsId, fileId })
        {
            var preempted = await fixture.WaitForAuditAsync("broadcast.preempted", id, e => e.Count >= 1, "preempted " + id);
            Assert.Contains(emergencyId, preempted[0].GetProperty("detailsJson").GetString(), StringComparison.Ordinal);
            await fixture.WaitForAuditAsync("broadcast.resumed", id, e => e.Count >= 1, "resumed " + id);
        }

        var cancelledBy = await fixture.WaitForAuditAsync("broadcast.cancelled", emergencyId, e => e.Count == 1, "emergency cancelled");
        Assert.Equal("pt.an-thinh", cancelledBy[0].GetProperty("userName").GetString());
    }

    private Task WaitPlayingAsync(string? langHocProgram, string? thacCaProgram, string what) =>
        fixture.WaitUntilAsync(
            async () => await fixture.PlayingProgramAsync(fixture.LangHocReceiverId) == langHocProgram
                && await fixture.PlayingProgramAsync(fixture.ThacCaReceiverId) == thacCaProgram,
            what);

    /// <summary>Starts a broadcast; a village announcer's bulletin awaits approval, which the district approver gives.</summary>
    private async Task<string> StartAsync(HttpClient http, object command)
    {
        using var response = await http.PostAsJsonAsync("/api/broadcasts", command);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, $"{response.StatusCode}: {body}");
        var view = JsonDocument.Parse(body).RootElement;
        string id = view.GetProperty("id").GetString()!;
        if (view.GetProperty("state").GetString() != "awaitingApproval")
        {
            return id;
        }

        using var approver = await fixture.ClientForAsync("duyet.huyen");
        using var approved = await approver.PostAsync($"/api/broadcasts/{Uri.EscapeDataString(id)}/approve", null);
        body = await approved.Content.ReadAsStringAsync();
        Assert.True(approved.IsSuccessStatusCode, $"approve: {approved.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private async Task WaitEndedAsync(HttpClient http, string id, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var view = await http.GetFromJsonAsync<JsonElement>($"/api/broadcasts/{Uri.EscapeDataString(id)}");
            if (view.GetProperty("state").GetString() == "ended")
            {
                return;
            }

            Assert.True(clock.Elapsed < timeout, $"broadcast {id} did not end: {view} — " + fixture.DescribeReceivers());
            await Task.Delay(200);
        }
    }

    /// <summary>The server's own rendering of the text, as the console's preview button gets it.</summary>
    private static async Task<short[]> TtsReferenceAsync(HttpClient http, string text)
    {
        using var response = await http.PostAsJsonAsync("/api/tts/preview", new { text, voice = Voice, rate = Rate });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ProgramAudio.ReadWav(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A music-like test signal (two gliding tones) rendered by ffmpeg as a 48 kHz mono WAV, read back as samples.</summary>
    private async Task<short[]> MakeSignalAsync(string name, TimeSpan duration)
    {
        string path = Path.Combine(fixture.Server.DataDirectory, name + ".wav");
        string expression = "0.25*sin(2*PI*(400+150*sin(2*PI*1.3*t))*t)+0.15*sin(2*PI*(700+90*sin(2*PI*0.7*t))*t)";
        using (var ffmpeg = Process.Start("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", $"aevalsrc={expression}:s=48000:d={duration.TotalSeconds}", "-ac", "1", "-c:a", "pcm_s16le", path]))
        {
            await ffmpeg.WaitForExitAsync();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        return ProgramAudio.ReadWav(await File.ReadAllBytesAsync(path));
    }

    private async Task<long> UploadAsync(HttpClient http, string name)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(fixture.Server.DataDirectory, name + ".wav")));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(content, "file", name + ".wav");
        form.Add(new StringContent(name), "name");
        using var created = await http.PostAsync("/api/library", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
