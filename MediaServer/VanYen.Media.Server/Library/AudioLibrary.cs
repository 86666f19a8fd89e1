using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using VanYen.Media.Engine.Sources.Files;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Domain.Sqlite;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Schedules;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Library;

/// <summary>
/// The audio library on disk (<c>data/library/&lt;id&gt;.opus</c>) and in SQLite (<c>library_items</c>): uploads are
/// spooled to a temporary file (so formats that need seeking, like M4A, decode), imported by
/// <see cref="AudioFileImporter"/> (loudness-normalized Ogg Opus), then moved under their id.
/// </summary>
/// <remarks>
/// A user sees the items of their scope and below, and those of the areas above it (the district's jingles);
/// they rename and delete only items of their scope and below, and only as announcer or admin.
/// </remarks>
public sealed partial class AudioLibrary : IAudioLibrary
{
    /// <summary>The library's folder under the data folder.</summary>
    public const string FolderName = "library";

    private const string Columns = "id, area_id, name, original_format, duration_ms, integrated_loudness, size_bytes, created_by_user_id, created_at";

    private readonly SqliteDomainTransactions _connections;
    private readonly IAreaRepository _areas;
    private readonly IAuditLog _audit;
    private readonly IBroadcastScheduleStore _schedules;
    private readonly AudioFileImporter _importer;
    private readonly TimeProvider _time;
    private readonly ILogger<AudioLibrary> _logger;

    public AudioLibrary(
        SqliteDomainTransactions connections,
        IAreaRepository areas,
        IAuditLog audit,
        IBroadcastScheduleStore schedules,
        IOptions<MediaServerOptions> options,
        TimeProvider time,
        ILogger<AudioLibrary> logger,
        AudioFileImporter? importer = null)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(options);
        _connections = connections;
        _areas = areas;
        _audit = audit;
        _schedules = schedules;
        _time = time;
        _logger = logger;
        _importer = importer ?? new AudioFileImporter();
        Directory = Path.Combine(options.Value.DataDirectoryFullPath, FolderName);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The folder holding the Ogg Opus files.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public string GetFilePath(long id) => Path.Combine(Directory, id.ToString(CultureInfo.InvariantCulture) + ".opus");

    /// <inheritdoc />
    public async Task<LibraryItem> ImportAsync(User caller, string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(content);
        string trimmed = DomainValidation.Name(name, "library item name");
        if (!ScopePolicy.RoleAllows(caller.Role, ScopeAction.Broadcast))
        {
            throw new DomainForbiddenException(LibraryErrors.Forbidden, $"{caller.Username} ({caller.Role}) may not add audio to the library.");
        }

        string token = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        string uploadPath = Path.Combine(Directory, $".upload-{token}");
        string importedPath = Path.Combine(Directory, $".import-{token}.opus");
        try
        {
            string? format;
            await using (var upload = new FileStream(uploadPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await content.CopyToAsync(upload, cancellationToken).ConfigureAwait(false);
            }

            format = DescribeFormat(uploadPath);
            AudioImportResult result;
            try
            {
                result = await _importer.ImportAsync(uploadPath, importedPath, cancellationToken).ConfigureAwait(false);
            }
            catch (AudioDecodeException exception)
            {
                throw new UnsupportedMediaException(
                    LibraryErrors.UnsupportedMedia,
                    $"'{trimmed}' is not audio the server can decode: the file looks like {format}. Upload mp3, wav, m4a, ogg, opus, flac, webm or amr.",
                    exception);
            }

            long size = new FileInfo(importedPath).Length;
            DateTimeOffset now = _time.GetUtcNow();
            // Stored to 0.01 LU: the item returned now is the one read back later.
            var item = new LibraryItem(0, caller.ScopeAreaId, trimmed, format, TimeSpan.FromMilliseconds((long)result.Duration.TotalMilliseconds), Finite(result.LoudnessAfter) ?? double.NegativeInfinity, size, caller.Id, now);
            long id = await InsertAsync(item, cancellationToken).ConfigureAwait(false);
            item = item with { Id = id };
            File.Move(importedPath, GetFilePath(id), overwrite: true);
            await _audit.AppendAsync(
                NewAuditEntry.By(caller, AuditActions.LibraryImported) with
                {
                    TargetKind = "library-item",
                    TargetId = id.ToString(CultureInfo.InvariantCulture),
                    AreaId = caller.ScopeAreaId,
                    DetailsJson = JsonSerializer.Serialize(new { name = trimmed, format, durationSeconds = Math.Round(result.Duration.TotalSeconds, 2), loudness = Finite(result.LoudnessAfter) }),
                },
                cancellationToken).ConfigureAwait(false);
            LogImported(id, trimmed, format);
            return item;
        }
        finally
        {
            File.Delete(uploadPath);
            File.Delete(importedPath);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LibraryItem>> ListAsync(User caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AreaTree tree = await _areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<LibraryItem>();
        foreach (LibraryItem item in await ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (IsVisible(tree, caller, item))
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <inheritdoc />
    public async Task<LibraryItem> GetAsync(User caller, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        LibraryItem? item = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        AreaTree tree = await _areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        if (item is null || !IsVisible(tree, caller, item))
        {
            throw NotFound(id);
        }

        return item;
    }

    /// <inheritdoc />
    public async Task<LibraryItem> RenameAsync(User caller, long id, string name, CancellationToken cancellationToken)
    {
        string trimmed = DomainValidation.Name(name, "library item name");
        LibraryItem item = await GetForChangeAsync(caller, id, "rename", cancellationToken).ConfigureAwait(false);
        using (var lease = _connections.Open())
        {
            using var update = lease.Command("UPDATE library_items SET name = $name WHERE id = $id");
            update.Parameters.AddWithValue("$name", trimmed);
            update.Parameters.AddWithValue("$id", id);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await _audit.AppendAsync(
            NewAuditEntry.By(caller, AuditActions.LibraryRenamed) with
            {
                TargetKind = "library-item",
                TargetId = id.ToString(CultureInfo.InvariantCulture),
                AreaId = item.AreaId,
                DetailsJson = JsonSerializer.Serialize(new { from = item.Name, to = trimmed }),
            },
            cancellationToken).ConfigureAwait(false);
        return item with { Name = trimmed };
    }

    /// <inheritdoc />
    public async Task DeleteAsync(User caller, long id, CancellationToken cancellationToken)
    {
        LibraryItem item = await GetForChangeAsync(caller, id, "delete", cancellationToken).ConfigureAwait(false);
        if (await _schedules.UsesLibraryItemAsync(id, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainConflictException(LibraryErrors.ItemScheduled, $"'{item.Name}' is used by a scheduled or pending broadcast; cancel it first.");
        }

        using (var lease = _connections.Open())
        {
            using var delete = lease.Command("DELETE FROM library_items WHERE id = $id");
            delete.Parameters.AddWithValue("$id", id);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Delete(GetFilePath(id));
        await _audit.AppendAsync(
            NewAuditEntry.By(caller, AuditActions.LibraryDeleted) with
            {
                TargetKind = "library-item",
                TargetId = id.ToString(CultureInfo.InvariantCulture),
                AreaId = item.AreaId,
                DetailsJson = JsonSerializer.Serialize(new { name = item.Name }),
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static bool IsVisible(AreaTree tree, User caller, LibraryItem item) =>
        tree.IsWithin(caller.ScopeAreaId, item.AreaId) || tree.IsWithin(item.AreaId, caller.ScopeAreaId);

    private static DomainNotFoundException NotFound(long id) =>
        new(LibraryErrors.ItemNotFound, $"No library item {id} in your scope.");

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 2) : null;

    /// <summary>The format the upload's first bytes suggest, or a description of what it seems to be instead.</summary>
    private static string DescribeFormat(string path)
    {
        Span<byte> header = stackalloc byte[64];
        int length;
        using (var file = File.OpenRead(path))
        {
            length = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        header = header[..length];
        if (length == 0)
        {
            return "an empty file";
        }

        if (AudioFormatSniffer.Detect(header) is { } known)
        {
            return known;
        }

        if (header.StartsWith("%PDF"u8))
        {
            return "PDF";
        }

        if (header.StartsWith("PK"u8))
        {
            return "ZIP (or an Office document)";
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "an image (PNG/JPEG)";
        }

        bool text = true;
        foreach (byte value in header)
        {
            if (value < 0x09 || (value > 0x0D && value < 0x20 && value != 0x1B))
            {
                text = false;
                break;
            }
        }

        return text ? "plain text" : "an unknown format (first bytes " + Convert.ToHexString(header[..Math.Min(8, length)]) + ")";
    }

    private async Task<LibraryItem> GetForChangeAsync(User caller, long id, string verb, CancellationToken cancellationToken)
    {
        LibraryItem item = await GetAsync(caller, id, cancellationToken).ConfigureAwait(false);
        AreaTree tree = await _areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        if (!new ScopePolicy(tree).CanActOnArea(caller, item.AreaId))
        {
            string owner = tree.Find(item.AreaId)?.Name ?? $"area {item.AreaId}";
            throw new DomainForbiddenException(LibraryErrors.Forbidden, $"{caller.Username} may not {verb} '{item.Name}': it belongs to {owner}.");
        }

        return item;
    }

    private async Task<long> InsertAsync(LibraryItem item, CancellationToken cancellationToken)
    {
        using var lease = _connections.Open();
        using var insert = lease.Command(
            """
            INSERT INTO library_items (area_id, name, original_format, duration_ms, integrated_loudness, size_bytes, created_by_user_id, created_at)
            VALUES ($area, $name, $format, $duration, $loudness, $size, $user, $at) RETURNING id
            """);
        insert.Parameters.AddWithValue("$area", item.AreaId);
        insert.Parameters.AddWithValue("$name", item.Name);
        insert.Parameters.AddWithValue("$format", item.OriginalFormat);
        insert.Parameters.AddWithValue("$duration", (long)item.Duration.TotalMilliseconds);
        insert.Parameters.AddWithValue("$loudness", SqliteText.OrNull(Finite(item.IntegratedLoudness)));
        insert.Parameters.AddWithValue("$size", item.SizeBytes);
        insert.Parameters.AddWithValue("$user", item.CreatedByUserId);
        insert.Parameters.AddWithValue("$at", SqliteText.ToText(item.CreatedAt));
        return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private async Task<LibraryItem?> FindAsync(long id, CancellationToken cancellationToken)
    {
        using var lease = _connections.Open();
        using var select = lease.Command($"SELECT {Columns} FROM library_items WHERE id = $id");
        select.Parameters.AddWithValue("$id", id);
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private async Task<IReadOnlyList<LibraryItem>> ReadAllAsync(CancellationToken cancellationToken)
    {
        using var lease = _connections.Open();
        using var select = lease.Command($"SELECT {Columns} FROM library_items ORDER BY name, id");
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<LibraryItem>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Read(reader));
        }

        return items;
    }

    private static LibraryItem Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetString(3),
        TimeSpan.FromMilliseconds(reader.GetInt64(4)),
        reader.IsDBNull(5) ? double.NegativeInfinity : reader.GetDouble(5),
        reader.GetInt64(6),
        reader.GetInt64(7),
        SqliteText.ToTimestamp(reader.GetString(8)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Library item {Id} imported: {Name} ({Format})")]
    private partial void LogImported(long id, string name, string format);
}
