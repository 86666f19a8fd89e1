using Microsoft.Data.Sqlite;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Domain.Sqlite;

/// <summary>Receiver devices in SQLite.</summary>
public sealed class SqliteReceiverRepository : IReceiverRepository
{
    private const string Columns = "r.id, r.cluster_id, r.name, r.kind, r.secret_hash, r.created_at, r.last_seen";

    private readonly SqliteDomainTransactions _connections;
    private readonly TimeProvider _time;

    public SqliteReceiverRepository(SqliteDomainTransactions connections, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(time);
        _connections = connections;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<Receiver?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var receivers = await QueryAsync($"SELECT {Columns} FROM receivers r WHERE r.id = $value", id, cancellationToken).ConfigureAwait(false);
        return receivers.Count == 0 ? null : receivers[0];
    }

    /// <inheritdoc />
    public async Task<Receiver?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secretHash);
        var receivers = await QueryAsync($"SELECT {Columns} FROM receivers r WHERE r.secret_hash = $value", secretHash, cancellationToken).ConfigureAwait(false);
        return receivers.Count == 0 ? null : receivers[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Receiver>> GetByClusterAsync(long clusterId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM receivers r WHERE r.cluster_id = $value ORDER BY r.name, r.id", clusterId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Receiver>> GetInAreaAsync(long areaId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            WITH RECURSIVE subtree (id) AS (
                SELECT id FROM areas WHERE id = $value
                UNION ALL
                SELECT a.id FROM areas a JOIN subtree s ON a.parent_id = s.id
            )
            SELECT {Columns} FROM receivers r
            JOIN clusters c ON c.id = r.cluster_id
            JOIN subtree s ON s.id = c.area_id
            ORDER BY r.cluster_id, r.name, r.id
            """,
            areaId,
            cancellationToken);

    /// <inheritdoc />
    public async Task<Receiver> AddAsync(NewReceiver receiver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        string name = DomainValidation.Name(receiver.Name, "receiver name");
        CheckHash(receiver.SecretHash);
        var createdAt = _time.GetUtcNow();
        using var lease = _connections.Open();
        using var insert = lease.Command(
            """
            INSERT INTO receivers (cluster_id, name, kind, secret_hash, created_at)
            VALUES ($cluster, $name, $kind, $hash, $at)
            RETURNING id
            """);
        insert.Parameters.AddWithValue("$cluster", receiver.ClusterId);
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$kind", SqliteText.ToText(receiver.Kind));
        insert.Parameters.AddWithValue("$hash", receiver.SecretHash);
        insert.Parameters.AddWithValue("$at", SqliteText.ToText(createdAt));
        try
        {
            long id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return new Receiver(id, receiver.ClusterId, name, receiver.Kind, receiver.SecretHash, SqliteText.ToTimestamp(SqliteText.ToText(createdAt)), null);
        }
        catch (SqliteException exception) when (SqliteText.IsForeignKeyViolation(exception))
        {
            throw new DomainValidationException(DomainErrors.UnknownCluster, $"The cluster {receiver.ClusterId} does not exist.", exception);
        }
        catch (SqliteException exception) when (SqliteText.IsUniqueViolation(exception))
        {
            throw SecretInUse(exception);
        }
    }

    /// <inheritdoc />
    public async Task MarkSeenAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var update = lease.Command("UPDATE receivers SET last_seen = $at WHERE id = $id");
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$at", SqliteText.ToText(at));
        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw NotFound(id);
        }
    }

    /// <inheritdoc />
    public async Task ReplaceSecretHashAsync(long id, string secretHash, CancellationToken cancellationToken = default)
    {
        CheckHash(secretHash);
        using var lease = _connections.Open();
        using var update = lease.Command("UPDATE receivers SET secret_hash = $hash WHERE id = $id");
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$hash", secretHash);
        try
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw NotFound(id);
            }
        }
        catch (SqliteException exception) when (SqliteText.IsUniqueViolation(exception))
        {
            throw SecretInUse(exception);
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var delete = lease.Command("DELETE FROM receivers WHERE id = $id");
        delete.Parameters.AddWithValue("$id", id);
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static void CheckHash(string? secretHash)
    {
        if (!DeviceSecret.IsWellFormedHash(secretHash))
        {
            throw new DomainValidationException(DomainErrors.InvalidSecretHash, "The device secret hash is not in the form made by DeviceSecret.Hash.");
        }
    }

    private static DomainNotFoundException NotFound(long id) => new(DomainErrors.ReceiverNotFound, $"There is no receiver {id}.");

    private static DomainConflictException SecretInUse(Exception inner) =>
        new(DomainErrors.SecretInUse, "Another receiver already uses this device secret.", inner);

    private async Task<IReadOnlyList<Receiver>> QueryAsync(string sql, object value, CancellationToken cancellationToken)
    {
        using var lease = _connections.Open();
        using var command = lease.Command(sql);
        command.Parameters.AddWithValue("$value", value);
        var receivers = new List<Receiver>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            receivers.Add(new Receiver(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetString(2),
                SqliteText.ToReceiverKind(reader.GetString(3)),
                reader.GetString(4),
                SqliteText.ToTimestamp(reader.GetString(5)),
                reader.IsDBNull(6) ? null : SqliteText.ToTimestamp(reader.GetString(6))));
        }

        return receivers;
    }
}
