using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain.Sqlite;

namespace VanYen.Media.Server.Schedules;

/// <summary>Schedules in SQLite (table <c>broadcast_schedules</c>, migration 3); the command is kept as JSON.</summary>
public sealed class SqliteBroadcastScheduleStore : IBroadcastScheduleStore
{
    private const string Columns =
        "id, command_json, cluster_ids, created_by_user_id, created_by, scope_area_id, created_at, next_run_at, state, approved_by, ended_at";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly SqliteDomainTransactions _connections;

    public SqliteBroadcastScheduleStore(SqliteDomainTransactions connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        _connections = connections;
    }

    /// <inheritdoc />
    public async Task AddAsync(ScheduledBroadcast broadcast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        using var lease = _connections.Open();
        using var insert = lease.Command(
            $"""
            INSERT INTO broadcast_schedules ({Columns}, title, recurrence, library_item_id, fallback_library_item_id)
            VALUES ($id, $command, $clusters, $userId, $userName, $scope, $createdAt, $next, $state, $approvedBy, $endedAt,
                    $title, $recurrence, $item, $fallback)
            """);
        insert.Parameters.AddWithValue("$id", broadcast.Id);
        insert.Parameters.AddWithValue("$command", JsonSerializer.Serialize(broadcast.Command, s_json));
        insert.Parameters.AddWithValue("$clusters", JsonSerializer.Serialize(broadcast.ClusterIds, s_json));
        insert.Parameters.AddWithValue("$userId", broadcast.CreatedByUserId);
        insert.Parameters.AddWithValue("$userName", broadcast.CreatedBy);
        insert.Parameters.AddWithValue("$scope", broadcast.ScopeAreaId);
        insert.Parameters.AddWithValue("$createdAt", SqliteText.ToText(broadcast.CreatedAt));
        insert.Parameters.AddWithValue("$title", broadcast.Title);
        insert.Parameters.AddWithValue("$recurrence", SqliteText.OrNull(broadcast.Recurrence));
        insert.Parameters.AddWithValue("$item", SqliteText.OrNull(broadcast.Command.Source.LibraryItemId));
        insert.Parameters.AddWithValue("$fallback", SqliteText.OrNull(broadcast.Command.Source.FallbackLibraryItemId));
        AddMutableParameters(insert, broadcast);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ScheduledBroadcast?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var lease = _connections.Open();
        using var select = lease.Command($"SELECT {Columns} FROM broadcast_schedules WHERE id = $id");
        select.Parameters.AddWithValue("$id", id);
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScheduledBroadcast>> GetPendingAsync(CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var select = lease.Command($"SELECT {Columns} FROM broadcast_schedules WHERE state <> 'ended' ORDER BY next_run_at, id");
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var pending = new List<ScheduledBroadcast>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            pending.Add(Read(reader));
        }

        return pending;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(ScheduledBroadcast broadcast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        using var lease = _connections.Open();
        using var update = lease.Command(
            "UPDATE broadcast_schedules SET next_run_at = $next, state = $state, approved_by = $approvedBy, ended_at = $endedAt WHERE id = $id");
        update.Parameters.AddWithValue("$id", broadcast.Id);
        AddMutableParameters(update, broadcast);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> ReplaceAsync(ScheduledBroadcast broadcast, DateTimeOffset? expectedNextRunAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        using var lease = _connections.Open();
        using var update = lease.Command(
            """
            UPDATE broadcast_schedules
            SET command_json = $command, cluster_ids = $clusters, title = $title, recurrence = $recurrence,
                library_item_id = $item, fallback_library_item_id = $fallback,
                next_run_at = $next, state = $state, approved_by = $approvedBy, ended_at = $endedAt
            WHERE id = $id AND state <> 'ended' AND next_run_at IS $expectedNext
            """);
        update.Parameters.AddWithValue("$id", broadcast.Id);
        update.Parameters.AddWithValue("$command", JsonSerializer.Serialize(broadcast.Command, s_json));
        update.Parameters.AddWithValue("$clusters", JsonSerializer.Serialize(broadcast.ClusterIds, s_json));
        update.Parameters.AddWithValue("$title", broadcast.Title);
        update.Parameters.AddWithValue("$recurrence", SqliteText.OrNull(broadcast.Recurrence));
        update.Parameters.AddWithValue("$item", SqliteText.OrNull(broadcast.Command.Source.LibraryItemId));
        update.Parameters.AddWithValue("$fallback", SqliteText.OrNull(broadcast.Command.Source.FallbackLibraryItemId));
        update.Parameters.AddWithValue("$expectedNext", SqliteText.OrNull(expectedNextRunAt is { } expected ? SqliteText.ToText(expected) : null));
        AddMutableParameters(update, broadcast);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> UsesLibraryItemAsync(long libraryItemId, CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var select = lease.Command(
            "SELECT EXISTS (SELECT 1 FROM broadcast_schedules WHERE state <> 'ended' AND (library_item_id = $item OR fallback_library_item_id = $item))");
        select.Parameters.AddWithValue("$item", libraryItemId);
        return Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static void AddMutableParameters(SqliteCommand command, ScheduledBroadcast broadcast)
    {
        command.Parameters.AddWithValue("$next", SqliteText.OrNull(broadcast.NextRunAt is { } next ? SqliteText.ToText(next) : null));
        command.Parameters.AddWithValue("$state", ToText(broadcast.State));
        command.Parameters.AddWithValue("$approvedBy", SqliteText.OrNull(broadcast.ApprovedBy));
        command.Parameters.AddWithValue("$endedAt", SqliteText.OrNull(broadcast.EndedAt is { } ended ? SqliteText.ToText(ended) : null));
    }

    private static ScheduledBroadcast Read(SqliteDataReader reader)
    {
        var command = JsonSerializer.Deserialize<BroadcastCommand>(reader.GetString(1), s_json)
            ?? throw new InvalidDataException("A stored broadcast command is empty.");
        long[] clusters = JsonSerializer.Deserialize<long[]>(reader.GetString(2), s_json) ?? [];
        return new ScheduledBroadcast(
            reader.GetString(0),
            command,
            clusters,
            reader.GetInt64(3),
            reader.GetString(4),
            reader.GetInt64(5),
            SqliteText.ToTimestamp(reader.GetString(6)),
            SqliteText.NullableString(reader, 7) is { } next ? SqliteText.ToTimestamp(next) : null,
            ToState(reader.GetString(8)),
            SqliteText.NullableString(reader, 9),
            SqliteText.NullableString(reader, 10) is { } ended ? SqliteText.ToTimestamp(ended) : null);
    }

    private static string ToText(ScheduledBroadcastState state) => state switch
    {
        ScheduledBroadcastState.AwaitingApproval => "awaiting-approval",
        ScheduledBroadcastState.Scheduled => "scheduled",
        ScheduledBroadcastState.Ended => "ended",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static ScheduledBroadcastState ToState(string text) => text switch
    {
        "awaiting-approval" => ScheduledBroadcastState.AwaitingApproval,
        "scheduled" => ScheduledBroadcastState.Scheduled,
        "ended" => ScheduledBroadcastState.Ended,
        _ => throw new InvalidDataException($"Unknown schedule state '{text}' in the database."),
    };
}
