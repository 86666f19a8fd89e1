using System.Globalization;

namespace VanYen.Media.Server.Audit;

/// <summary>Writes audit entries as CSV (RFC 4180: comma separated, CRLF lines, quoted where needed).</summary>
public static class AuditCsv
{
    /// <summary>The header line's fields.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "at", "user_id", "user_name", "action", "target_kind", "target_id", "area_id", "details"];

    /// <summary>Writes the header and every entry.</summary>
    public static async Task WriteAsync(TextWriter writer, IEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        await WriteLineAsync(writer, Columns).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteLineAsync(writer, Fields(entry)).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the header and every entry matching <paramref name="query"/>'s filters, newest first, a page at a time.</summary>
    public static async Task ExportAsync(IAuditLog log, AuditQuery query, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(writer);
        await WriteLineAsync(writer, Columns).ConfigureAwait(false);

        // Keyset paging by id, so entries appended during the export neither repeat nor shift pages.
        var page = query with { Offset = 0, Limit = AuditQuery.MaxLimit };
        while (true)
        {
            var result = await log.QueryAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var entry in result.Entries)
            {
                await WriteLineAsync(writer, Fields(entry)).ConfigureAwait(false);
            }

            if (result.Entries.Count < page.Limit)
            {
                return;
            }

            page = page with { BeforeId = result.Entries[^1].Id };
        }
    }

    /// <summary>One field, quoted when it holds a comma, a quote or a line break, with quotes doubled.</summary>
    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        // A leading = + - @ makes spreadsheets run the cell as a formula (OWASP "CSV injection"); a quote mark disarms it.
        if (field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }

        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return field;
        }

        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string[] Fields(AuditEntry entry) =>
    [
        entry.Id.ToString(CultureInfo.InvariantCulture),
        entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        entry.UserId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        entry.UserName ?? string.Empty,
        entry.Action,
        entry.TargetKind ?? string.Empty,
        entry.TargetId ?? string.Empty,
        entry.AreaId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        entry.DetailsJson ?? string.Empty,
    ];

    private static async Task WriteLineAsync(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                await writer.WriteAsync(',').ConfigureAwait(false);
            }

            await writer.WriteAsync(Escape(fields[i])).ConfigureAwait(false);
        }

        await writer.WriteAsync("\r\n").ConfigureAwait(false);
    }
}
