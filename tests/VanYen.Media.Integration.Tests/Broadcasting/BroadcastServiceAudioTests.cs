using System.Runtime.InteropServices;
using System.Text.Json;
using VanYen.Media.Engine.Audio.Wav;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;
using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Integration.Tests.Broadcasting;

/// <summary>
/// The service over the real <see cref="BroadcastEngine"/> (ticked by the test, fake time), real espeak-ng and ffmpeg:
/// what each cluster hears is decoded from Opus and correlated with a reference rendering.
/// </summary>
public sealed class BroadcastServiceAudioTests
{
    private const string BulletinText = "Thông báo của UBND xã An Thịnh về lịch tiêm chủng cho trẻ em dưới năm tuổi.";
    private const string FileText = "Hội nông dân thôn Làng Hốc mời bà con đi họp vào tối thứ bảy.";
    private const string EmergencyText = "Khẩn cấp. Nước sông đang lên nhanh.";

    private long _tick;

    [Fact]
    public async Task TwoVillagesHearTheirOwnBulletinsACommuneEmergencyPreemptsBothThenTheyResumeAndCancelSilencesAtTheNextTick()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 1, 30, 0, TimeSpan.Zero));
        using var engine = new BroadcastEngine(null, new BroadcastEngineOptions(), time);
        await using var context = await BroadcastingTestContext.CreateAsync(engine);
        var thacCa = new RecordingClusterSink();
        var langHoc = new RecordingClusterSink();
        using var thacCaAttachment = engine.GetChannel(context.ThacCaCluster.Id).Attach(thacCa);
        using var langHocAttachment = engine.GetChannel(context.LangHocCluster.Id).Attach(langHoc);

        // References: the same TTS rendering (this also fills the render cache), and the library file as stored.
        var renderer = new TextToSpeechRenderer(context.Speech, new VietnameseTextNormalizer());
        var voice = new TextToSpeechVoice { Rate = BroadcastService.DefaultSpeechRate };
        short[] bulletinReference = Samples(await renderer.RenderWavAsync(BulletinText, voice, default));
        string fileWav = Path.Combine(context.Db.DataDirectory, "hop-thon.wav");
        await File.WriteAllBytesAsync(fileWav, await renderer.RenderWavAsync(FileText, voice, default));
        await renderer.RenderWavAsync(EmergencyText, voice, default);
        var item = await ImportAsync(context, fileWav);
        short[] fileReference = await DecodeFileAsync(context.Library.GetFilePath(item.Id));

        var bulletin = await context.Service.StartAsync(context.ThacCaAnnouncer, Speech("Tiêm chủng", BulletinText, context.ThacCaCluster.Id), default);
        var file = await context.Service.StartAsync(
            context.AnThinhAnnouncer,
            new BroadcastCommand
            {
                Title = "Họp thôn",
                Source = new BroadcastSource { Kind = BroadcastSourceKind.File, LibraryItemId = item.Id },
                ClusterIds = [context.LangHocCluster.Id],
            },
            default);
        await TickAsync(engine, time, 60);
        Assert.Equal(bulletin.Id, thacCa.LastProgramId);
        Assert.Equal(file.Id, langHoc.LastProgramId);

        var emergency = await context.Service.StartAsync(
            context.AnThinhAnnouncer,
            Speech("Lũ", EmergencyText) with { AreaIds = [context.Tree.AnThinh.Id], Level = BroadcastLevel.Emergency },
            default);
        await TickAsync(engine, time, 50);
        Assert.Equal(emergency.Id, thacCa.LastProgramId);
        Assert.Equal(emergency.Id, langHoc.LastProgramId);

        var refused = await Assert.ThrowsAsync<DomainForbiddenException>(() => context.Service.CancelAsync(context.ThacCaAnnouncer, emergency.Id, null, default));
        Assert.Contains("Lũ", refused.Message, StringComparison.Ordinal);
        await context.Service.CancelAsync(context.AnThinhAnnouncer, emergency.Id, null, default);
        await TickAsync(engine, time, 1);
        Assert.Equal(bulletin.Id, thacCa.LastProgramId);
        Assert.Equal(file.Id, langHoc.LastProgramId);

        // Cancel on Làng Hốc: the next tick there is idle; Thác Cá carries on.
        await TickAsync(engine, time, 40);
        var cancelled = await context.Service.CancelOnClustersAsync(context.AnThinhAnnouncer, [context.LangHocCluster.Id], default);
        Assert.Equal([file.Id], cancelled.Select(view => view.Id));
        await TickAsync(engine, time, 1);
        Assert.Null(langHoc.LastProgramId);
        Assert.Equal(bulletin.Id, thacCa.LastProgramId);

        for (int i = 0; i < 1500 && (await context.Service.GetAsync(context.ThacCaAnnouncer, bulletin.Id, default)).State != BroadcastState.Ended; i++)
        {
            await TickAsync(engine, time, 10);
        }

        // What Thác Cá heard of its bulletin, across the preemption, is the bulletin; what Làng Hốc heard is the file.
        // Leading silence (the air held while the source opened) is not part of the comparison.
        short[] heardBulletin = TrimLeadingSilence(thacCa.Decode(bulletin.Id));
        short[] heardFile = TrimLeadingSilence(langHoc.Decode(file.Id));
        bulletinReference = TrimLeadingSilence(bulletinReference);
        fileReference = TrimLeadingSilence(fileReference);
        Assert.True(BestCorrelation(heardBulletin, bulletinReference, 2000) > 0.9, $"bulletin correlation {BestCorrelation(heardBulletin, bulletinReference, 2000):F3}, heard {heardBulletin.Length}, reference {bulletinReference.Length}, silent frames {thacCa.Frames.Count(f => f.ProgramId == bulletin.Id && f.Opus.Length < 10)}");
        Assert.True(BestCorrelation(heardFile, fileReference, 2000) > 0.9, $"file correlation {BestCorrelation(heardFile, fileReference, 2000):F3}");
        Assert.True(BestCorrelation(heardBulletin, fileReference, 2000) < 0.5);
        Assert.InRange(heardBulletin.Length, bulletinReference.Length - 960, bulletinReference.Length + 4 * 960);

        var ended = await context.WaitForAuditAsync(AuditActions.BroadcastEnded, 3);
        var preempted = await context.WaitForAuditAsync(AuditActions.BroadcastPreempted, 2);
        var resumed = await context.WaitForAuditAsync(AuditActions.BroadcastResumed, 2);
        Assert.Equal(new[] { bulletin.Id, file.Id }.Order(), preempted.Select(entry => entry.TargetId).Order());
        Assert.All(preempted, entry => Assert.Equal(emergency.Id, Detail(entry, "byBroadcastId")));
        Assert.All(preempted, entry => Assert.Equal("anthinh", Detail(entry, "byUser")));
        Assert.Equal(new[] { bulletin.Id, file.Id }.Order(), resumed.Select(entry => entry.TargetId).Order());
        Assert.Equal("cancelled", Detail(ended.Single(entry => entry.TargetId == emergency.Id), "reason"));
        Assert.Equal("cancelled", Detail(ended.Single(entry => entry.TargetId == file.Id), "reason"));
        Assert.Equal("finished", Detail(ended.Single(entry => entry.TargetId == bulletin.Id), "reason"));
        var cancelledEntries = await context.AuditAsync(AuditActions.BroadcastCancelled);
        Assert.Equal(["anthinh", "anthinh"], cancelledEntries.Select(entry => entry.UserName));
        Assert.Equal(3, (await context.AuditAsync(AuditActions.BroadcastStarted)).Count);
    }

    private static BroadcastCommand Speech(string title, string text, params long[] clusterIds) => new()
    {
        Title = title,
        Source = new BroadcastSource { Kind = BroadcastSourceKind.Tts, Text = text },
        ClusterIds = clusterIds,
    };

    /// <summary>Ticks the engine like the media clock would, giving sources (espeak-ng, files) real time to keep up.</summary>
    private async Task TickAsync(BroadcastEngine engine, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            await Task.Delay(2);
            engine.OnTick(_tick++);
            time.Advance(TimeSpan.FromMilliseconds(20));
        }
    }

    private static async Task<Server.Library.LibraryItem> ImportAsync(BroadcastingTestContext context, string path)
    {
        await using var upload = File.OpenRead(path);
        return await context.Library.ImportAsync(context.AnThinhAnnouncer, "Họp thôn", upload, default);
    }

    private static async Task<short[]> DecodeFileAsync(string path)
    {
        await using var source = OggOpusFileSource.Open(path);
        var samples = new List<short>();
        var frame = new short[960];
        while (await source.ReadFrameAsync(frame) == AudioSourceReadResult.Frame)
        {
            samples.AddRange(frame);
        }

        return [.. samples];
    }

    private static short[] TrimLeadingSilence(short[] samples)
    {
        int start = Array.FindIndex(samples, sample => Math.Abs((int)sample) > 100);
        return start < 0 ? samples : samples[Math.Max(0, start - 100)..];
    }

    private static short[] Samples(byte[] wav) => MemoryMarshal.Cast<byte, short>(wav.AsSpan(WavHeader.CanonicalLength)).ToArray();

    private static string? Detail(AuditEntry entry, string name)
    {
        using var details = JsonDocument.Parse(entry.DetailsJson!);
        return details.RootElement.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;
    }

    /// <summary>The best normalized cross-correlation of <paramref name="signal"/> delayed by 0 to <paramref name="maxLag"/> samples against <paramref name="reference"/>.</summary>
    private static double BestCorrelation(short[] signal, short[] reference, int maxLag)
    {
        double best = 0;
        for (int lag = 0; lag <= maxLag; lag += 2)
        {
            int length = Math.Min(signal.Length - lag, reference.Length);
            if (length <= 0)
            {
                break;
            }

            double sum = 0;
            double signalEnergy = 0;
            double referenceEnergy = 0;
            for (int n = 0; n < length; n++)
            {
                double a = signal[lag + n];
                double b = reference[n];
                sum += a * b;
                signalEnergy += a * a;
                referenceEnergy += b * b;
            }

            if (signalEnergy > 0 && referenceEnergy > 0)
            {
                best = Math.Max(best, sum / Math.Sqrt(signalEnergy * referenceEnergy));
            }
        }

        return best;
    }
}
