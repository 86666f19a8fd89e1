using Microsoft.Data.Sqlite;

namespace VanYen.Media.Server.Domain.Sqlite;

/// <summary>Loudspeaker clusters in SQLite.</summary>
public sealed class SqliteClusterRepository : IClusterRepository
{
    private const string Columns = "c.id, c.area_id, c.name, c.location, c.default_volume, c.on_air_from, c.on_air_until";

    private readonly SqliteDomainTransactions _connections;
    private readonly IAreaRepository _areas;

    public SqliteClusterRepository(SqliteDomainTransactions connections, IAreaRepository areas)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(areas);
        _connections = connections;
        _areas = areas;
    }

    /// <inheritdoc />
    public async Task<Cluster?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var command = lease.Command($"SELECT {Columns} FROM clusters c WHERE c.id = $id");
        command.Parameters.AddWithValue("$id", id);
        var clusters = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return clusters.Count == 0 ? null : clusters[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Cluster>> GetInAreaAsync(long areaId, CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var command = lease.Command(
            $"""
            WITH RECURSIVE subtree (id) AS (
                SELECT id FROM areas WHERE id = $area
                UNION ALL
                SELECT a.id FROM areas a JOIN subtree s ON a.parent_id = s.id
            )
            SELECT {Columns} FROM clusters c JOIN subtree s ON c.area_id = s.id
            ORDER BY c.name, c.id
            """);
        command.Parameters.AddWithValue("$area", areaId);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Cluster> AddAsync(NewCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var valid = await ValidateAsync(new Cluster(0, cluster.AreaId, cluster.Name, cluster.Location, cluster.DefaultVolume, cluster.OnAirHours), cancellationToken).ConfigureAwait(false);
        using var lease = _connections.Open();
        using var insert = lease.Command(
            """
            INSERT INTO clusters (area_id, name, location, default_volume, on_air_from, on_air_until)
            VALUES ($area, $name, $location, $volume, $from, $until)
            RETURNING id
            """);
        Bind(insert, valid);
        long id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return valid with { Id = id };
    }

    /// <inheritdoc />
    public async Task<Cluster> UpdateAsync(Cluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var valid = await ValidateAsync(cluster, cancellationToken).ConfigureAwait(false);
        using var lease = _connections.Open();
        using var update = lease.Command(
            """
            UPDATE clusters SET area_id = $area, name = $name, location = $location, default_volume = $volume,
                on_air_from = $from, on_air_until = $until
            WHERE id = $id
            """);
        Bind(update, valid);
        update.Parameters.AddWithValue("$id", valid.Id);
        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new DomainNotFoundException(DomainErrors.ClusterNotFound, $"There is no cluster {cluster.Id}.");
        }

        return valid;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var delete = lease.Command("DELETE FROM clusters WHERE id = $id");
        delete.Parameters.AddWithValue("$id", id);
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static void Bind(SqliteCommand command, Cluster cluster)
    {
        command.Parameters.AddWithValue("$area", cluster.AreaId);
        command.Parameters.AddWithValue("$name", cluster.Name);
        command.Parameters.AddWithValue("$location", SqliteText.OrNull(cluster.Location));
        command.Parameters.AddWithValue("$volume", cluster.DefaultVolume);
        command.Parameters.AddWithValue("$from", SqliteText.OrNull(cluster.OnAirHours is { } hours ? SqliteText.ToText(hours.From) : null));
        command.Parameters.AddWithValue("$until", SqliteText.OrNull(cluster.OnAirHours is { } until ? SqliteText.ToText(until.Until) : null));
    }

    private static async Task<IReadOnlyList<Cluster>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var clusters = new List<Cluster>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            OnAirHours? hours = reader.IsDBNull(5)
                ? null
                : new OnAirHours(SqliteText.ToTimeOfDay(reader.GetString(5)), SqliteText.ToTimeOfDay(reader.GetString(6)));
            clusters.Add(new Cluster(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetString(2),
                SqliteText.NullableString(reader, 3),
                reader.GetInt32(4),
                hours));
        }

        return clusters;
    }

    private async Task<Cluster> ValidateAsync(Cluster cluster, CancellationToken cancellationToken)
    {
        string name = DomainValidation.Name(cluster.Name, "cluster name");
        string? location = string.IsNullOrWhiteSpace(cluster.Location) ? null : DomainValidation.Name(cluster.Location, "cluster location");
        DomainValidation.Volume(cluster.DefaultVolume);
        var area = await _areas.GetAsync(cluster.AreaId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainValidationException(DomainErrors.UnknownArea, $"The area {cluster.AreaId} does not exist.");
        if (area.Kind == AreaKind.District)
        {
            throw new DomainValidationException(DomainErrors.ClusterAreaKind, $"A cluster stands in a commune or a village, not in the district '{area.Name}'.");
        }

        return cluster with { Name = name, Location = location };
    }
}
