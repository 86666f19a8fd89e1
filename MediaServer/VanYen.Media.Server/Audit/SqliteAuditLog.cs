using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Domain.Sqlite;

namespace VanYen.Media.Server.Audit;

/// <summary>The audit log in SQLite; triggers in the schema refuse any UPDATE or DELETE.</summary>
public sealed class SqliteAuditLog : IAuditLog
{
    private readonly SqliteDomainTransactions _connections;
    private readonly TimeProvider _time;

    public SqliteAuditLog(SqliteDomainTransactions connections, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(time);
        _connections = connections;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<AuditEntry> AppendAsync(NewAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.Action))
        {
            throw new DomainValidationException(DomainErrors.InvalidAuditEntry, "An audit entry needs an action.");
        }

        if (entry.DetailsJson is not null)
        {
            try
            {
                using var _ = JsonDocument.Parse(entry.DetailsJson);
            }
            catch (JsonException exception)
            {
                throw new DomainValidationException(DomainErrors.InvalidAuditEntry, "The audit details are not a JSON document.", exception);
            }
        }

        string at = SqliteText.ToText(_time.GetUtcNow());
        using var lease = _connections.Open();
        using var insert = lease.Command(
            """
            INSERT INTO audit_log (at, user_id, user_name, action, target_kind, target_id, area_id, details)
            VALUES ($at, $user, $name, $action, $kind, $target, $area, $details)
            RETURNING id
            """);
        insert.Parameters.AddWithValue("$at", at);
        insert.Parameters.AddWithValue("$user", SqliteText.OrNull(entry.UserId));
        insert.Parameters.AddWithValue("$name", SqliteText.OrNull(entry.UserName));
        insert.Parameters.AddWithValue("$action", entry.Action);
        insert.Parameters.AddWithValue("$kind", SqliteText.OrNull(entry.TargetKind));
        insert.Parameters.AddWithValue("$target", SqliteText.OrNull(entry.TargetId));
        insert.Parameters.AddWithValue("$area", SqliteText.OrNull(entry.AreaId));
        insert.Parameters.AddWithValue("$details", SqliteText.OrNull(entry.DetailsJson));
        long id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return new AuditEntry(id, SqliteText.ToTimestamp(at), entry.UserId, entry.UserName, entry.Action, entry.TargetKind, entry.TargetId, entry.AreaId, entry.DetailsJson);
    }

    /// <inheritdoc />
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > AuditQuery.MaxLimit || query.Offset < 0)
        {
            throw new DomainValidationException(DomainErrors.InvalidQuery, $"The page must have a limit of 1 to {AuditQuery.MaxLimit} and an offset of 0 or more.");
        }

        using var lease = _connections.Open();
        var where = new StringBuilder("WHERE 1 = 1");
        using var count = lease.Command(string.Empty);
        using var select = lease.Command(string.Empty);
        AddFilters(query, where, count, select);

        string subtree = query.AreaId is null
            ? string.Empty
            : """
              WITH RECURSIVE subtree (id) AS (
                  SELECT id FROM areas WHERE id = $area
                  UNION ALL
                  SELECT a.id FROM areas a JOIN subtree s ON a.parent_id = s.id
              )
              """;
        count.CommandText = $"{subtree} SELECT COUNT(*) FROM audit_log l {where}";
        long total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

        string keyset = query.BeforeId is null ? string.Empty : " AND l.id < $before";
        select.CommandText =
            $"""
            {subtree}
            SELECT l.id, l.at, l.user_id, l.user_name, l.action, l.target_kind, l.target_id, l.area_id, l.details
            FROM audit_log l {where}{keyset}
            ORDER BY l.id DESC
            LIMIT $limit OFFSET $offset
            """;
        if (query.BeforeId is long before)
        {
            select.Parameters.AddWithValue("$before", before);
        }

        select.Parameters.AddWithValue("$limit", query.Limit);
        select.Parameters.AddWithValue("$offset", query.Offset);
        var entries = new List<AuditEntry>();
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                SqliteText.ToTimestamp(reader.GetString(1)),
                SqliteText.NullableInt64(reader, 2),
                SqliteText.NullableString(reader, 3),
                reader.GetString(4),
                SqliteText.NullableString(reader, 5),
                SqliteText.NullableString(reader, 6),
                SqliteText.NullableInt64(reader, 7),
                SqliteText.NullableString(reader, 8)));
        }

        return new AuditPage(entries, total);
    }

    private static void AddFilters(AuditQuery query, StringBuilder where, SqliteCommand count, SqliteCommand select)
    {
        void Add(string condition, string name, object value)
        {
            where.Append(" AND ").Append(condition);
            count.Parameters.AddWithValue(name, value);
            select.Parameters.AddWithValue(name, value);
        }

        if (query.From is { } from)
        {
            Add("l.at >= $from", "$from", SqliteText.ToText(from));
        }

        if (query.Until is { } until)
        {
            Add("l.at < $until", "$until", SqliteText.ToText(until));
        }

        if (query.UserId is long userId)
        {
            Add("l.user_id = $user", "$user", userId);
        }

        if (query.UserName is { } userName)
        {
            Add("l.user_name = $userName COLLATE NOCASE", "$userName", userName);
        }

        if (query.Action is { } action)
        {
            Add("l.action = $action", "$action", action);
        }

        if (query.AreaId is long areaId)
        {
            Add("l.area_id IN (SELECT id FROM subtree)", "$area", areaId);
        }
    }
}
