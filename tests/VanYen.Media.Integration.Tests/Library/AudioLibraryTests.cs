using VanYen.Media.Engine.Audio.Loudness;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;
using VanYen.Media.Integration.Tests.Broadcasting;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Library;

namespace VanYen.Media.Integration.Tests.Library;

public class AudioLibraryTests
{
    [Theory]
    [InlineData("mp3", "MP3")]
    [InlineData("wav", "WAV")]
    [InlineData("amr", "AMR-NB")]
    [InlineData("m4a", "MP4/M4A")]
    [InlineData("ogg", "Ogg")]
    [InlineData("webm", "Matroska/WebM")]
    public async Task AnUploadIsStoredAsLoudnessNormalizedOggOpusUnderItsId(string extension, string format)
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        string input = await AudioFixtures.ToneAsync(context.Db.DataDirectory, extension);

        LibraryItem item;
        await using (var upload = File.OpenRead(input))
        {
            item = await context.Library.ImportAsync(context.ThacCaAnnouncer, "  Bản tin " + extension + "  ", upload, default);
        }

        Assert.Equal("Bản tin " + extension, item.Name);
        Assert.StartsWith(format, item.OriginalFormat, StringComparison.Ordinal);
        Assert.Equal(context.Tree.ThacCa.Id, item.AreaId);
        Assert.InRange(item.Duration.TotalSeconds, 1.9, 2.1);
        Assert.InRange(item.IntegratedLoudness, -17.5, -14.5);
        string path = context.Library.GetFilePath(item.Id);
        Assert.Equal(Path.Combine(context.Db.DataDirectory, "library", item.Id + ".opus"), path);
        Assert.Equal(new FileInfo(path).Length, item.SizeBytes);
        Assert.Equal([item.Id + ".opus"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));

        // What is stored plays back at the target loudness.
        var meter = new LoudnessMeter(48000);
        var frame = new short[960];
        await using (var source = OggOpusFileSource.Open(path))
        {
            while (await source.ReadFrameAsync(frame) == AudioSourceReadResult.Frame)
            {
                meter.Process(frame);
            }
        }

        Assert.InRange(meter.IntegratedLoudness, -17.5, -14.5);
        Assert.Equal(item, await context.Library.GetAsync(context.ThacCaAnnouncer, item.Id, default));
        Assert.Single(await context.AuditAsync(AuditActions.LibraryImported));
    }

    [Fact]
    public async Task ATextFileIsUnsupportedMediaNamingWhatItLooksLike()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        using var upload = new MemoryStream("Đây là một văn bản, không phải âm thanh.\n"u8.ToArray());

        var error = await Assert.ThrowsAsync<UnsupportedMediaException>(() => context.Library.ImportAsync(context.ThacCaAnnouncer, "ghi chú", upload, default));

        Assert.Contains("plain text", error.Message, StringComparison.Ordinal);
        Assert.Equal(LibraryErrors.UnsupportedMedia, error.Reason);
        Assert.Empty(await context.Library.ListAsync(context.DistrictAdmin, default));
        Assert.Empty(Directory.GetFiles(context.Library.Directory));
    }

    [Fact]
    public async Task AnEmptyNameIsABadRequest()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        using var upload = new MemoryStream([1, 2, 3]);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => context.Library.ImportAsync(context.ThacCaAnnouncer, " ", upload, default));

        Assert.Equal(DomainErrors.InvalidName, error.Reason);
    }

    [Fact]
    public async Task AnItemUsedByAScheduleCannotBeDeletedUntilTheScheduleIsCancelled()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        LibraryItem item = await ImportToneAsync(context, context.ThacCaAnnouncer);
        var scheduled = await context.Service.StartAsync(
            context.ThacCaAnnouncer,
            new BroadcastCommand
            {
                Title = "Nhạc hiệu",
                Source = new BroadcastSource { Kind = BroadcastSourceKind.File, LibraryItemId = item.Id },
                ClusterIds = [context.ThacCaCluster.Id],
                Recurrence = "0 6 * * *",
            },
            default);

        var conflict = await Assert.ThrowsAsync<DomainConflictException>(() => context.Library.DeleteAsync(context.ThacCaAnnouncer, item.Id, default));
        await context.Service.CancelAsync(context.ThacCaAnnouncer, scheduled.Id, null, default);
        await context.Library.DeleteAsync(context.ThacCaAnnouncer, item.Id, default);

        Assert.Equal(LibraryErrors.ItemScheduled, conflict.Reason);
        Assert.False(File.Exists(context.Library.GetFilePath(item.Id)));
        await Assert.ThrowsAsync<DomainNotFoundException>(() => context.Library.GetAsync(context.ThacCaAnnouncer, item.Id, default));
        Assert.Single(await context.AuditAsync(AuditActions.LibraryDeleted));
    }

    [Fact]
    public async Task AUserSeesTheirScopesItemsAndTheAreasAboveButChangesOnlyTheirOwnScopes()
    {
        await using var context = await BroadcastingTestContext.CreateAsync();
        LibraryItem district = await ImportToneAsync(context, context.DistrictAdmin);
        LibraryItem village = await ImportToneAsync(context, context.ThacCaAnnouncer);
        LibraryItem neighbour = await ImportToneAsync(context, context.AnThinhAnnouncer);

        var seen = await context.Library.ListAsync(context.ThacCaAnnouncer, default);
        var refused = await Assert.ThrowsAsync<DomainForbiddenException>(() => context.Library.RenameAsync(context.ThacCaAnnouncer, district.Id, "Của tôi", default));
        var renamed = await context.Library.RenameAsync(context.AnThinhAnnouncer, village.Id, "Tin Thác Cá", default);

        Assert.Equal(new[] { district.Id, village.Id, neighbour.Id }.Order(), seen.Select(item => item.Id).Order());
        Assert.Equal([village.Id], (await context.Library.ListAsync(context.ThacCaAnnouncer, default)).Where(item => item.AreaId == context.Tree.ThacCa.Id).Select(item => item.Id));
        Assert.Contains(context.Tree.District.Name, refused.Message, StringComparison.Ordinal);
        Assert.Equal("Tin Thác Cá", renamed.Name);
        Assert.Equal("Tin Thác Cá", (await context.Library.GetAsync(context.ThacCaAnnouncer, village.Id, default)).Name);
        Assert.Single(await context.AuditAsync(AuditActions.LibraryRenamed));
        await Assert.ThrowsAsync<DomainNotFoundException>(() => context.Library.GetAsync(context.AnThinhAnnouncer, 4242, default));
    }

    private static async Task<LibraryItem> ImportToneAsync(BroadcastingTestContext context, User user)
    {
        string input = await AudioFixtures.ToneAsync(context.Db.DataDirectory, "wav");
        await using var upload = File.OpenRead(input);
        return await context.Library.ImportAsync(user, "Âm báo", upload, default);
    }
}
