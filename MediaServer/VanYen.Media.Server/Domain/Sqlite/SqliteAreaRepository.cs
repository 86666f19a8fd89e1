using Microsoft.Data.Sqlite;

namespace VanYen.Media.Server.Domain.Sqlite;

/// <summary>The area tree in SQLite; tree walks are recursive CTEs (which PostgreSQL runs unchanged).</summary>
public sealed class SqliteAreaRepository : IAreaRepository
{
    private const string Columns = "id, parent_id, kind, name, requires_approval";

    private readonly SqliteDomainTransactions _connections;

    public SqliteAreaRepository(SqliteDomainTransactions connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        _connections = connections;
    }

    /// <inheritdoc />
    public async Task<Area?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var areas = await QueryAsync($"SELECT {Columns} FROM areas WHERE id = $id", id, cancellationToken).ConfigureAwait(false);
        return areas.Count == 0 ? null : areas[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Area>> GetRootsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM areas WHERE parent_id IS NULL ORDER BY name", id: null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Area>> GetChildrenAsync(long id, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM areas WHERE parent_id = $id ORDER BY name", id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Area>> GetAncestorsAsync(long id, CancellationToken cancellationToken = default) =>
        QueryAsync(
            """
            WITH RECURSIVE up (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM areas WHERE id = $id
                UNION ALL
                SELECT a.id, a.parent_id, up.depth + 1 FROM areas a JOIN up ON a.id = up.parent_id
            )
            SELECT a.id, a.parent_id, a.kind, a.name, a.requires_approval
            FROM up JOIN areas a ON a.id = up.id
            WHERE up.depth > 0
            ORDER BY up.depth
            """,
            id,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Area>> GetDescendantsAsync(long id, CancellationToken cancellationToken = default) =>
        QueryAsync(
            """
            WITH RECURSIVE down (id, depth) AS (
                SELECT id, 0 FROM areas WHERE id = $id
                UNION ALL
                SELECT a.id, down.depth + 1 FROM areas a JOIN down ON a.parent_id = down.id
            )
            SELECT a.id, a.parent_id, a.kind, a.name, a.requires_approval
            FROM down JOIN areas a ON a.id = down.id
            WHERE down.depth > 0
            ORDER BY down.depth, a.name
            """,
            id,
            cancellationToken);

    /// <inheritdoc />
    public async Task<bool> IsWithinAsync(long scopeAreaId, long areaId, CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var command = lease.Command(
            """
            WITH RECURSIVE up (id, parent_id) AS (
                SELECT id, parent_id FROM areas WHERE id = $area
                UNION ALL
                SELECT a.id, a.parent_id FROM areas a JOIN up ON a.id = up.parent_id
            )
            SELECT EXISTS (SELECT 1 FROM up WHERE id = $scope)
            """);
        command.Parameters.AddWithValue("$area", areaId);
        command.Parameters.AddWithValue("$scope", scopeAreaId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <inheritdoc />
    public async Task<AreaTree> GetTreeAsync(CancellationToken cancellationToken = default) =>
        new(await QueryAsync($"SELECT {Columns} FROM areas", id: null, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<Area> AddAsync(NewArea area, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(area);
        string name = DomainValidation.Name(area.Name, "area name");
        await CheckParentAsync(area, cancellationToken).ConfigureAwait(false);

        using var lease = _connections.Open();
        using var insert = lease.Command(
            "INSERT INTO areas (parent_id, kind, name, requires_approval) VALUES ($parent, $kind, $name, $approval) RETURNING id");
        insert.Parameters.AddWithValue("$parent", SqliteText.OrNull(area.ParentId));
        insert.Parameters.AddWithValue("$kind", SqliteText.ToText(area.Kind));
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$approval", area.RequiresApproval);
        try
        {
            long id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return new Area(id, area.ParentId, area.Kind, name, area.RequiresApproval);
        }
        catch (SqliteException exception) when (SqliteText.IsUniqueViolation(exception))
        {
            throw NameTaken(name, exception);
        }
        catch (SqliteException exception) when (SqliteText.IsForeignKeyViolation(exception))
        {
            throw new DomainValidationException(DomainErrors.UnknownParentArea, $"The parent area {area.ParentId} does not exist.", exception);
        }
    }

    /// <inheritdoc />
    public async Task<Area> UpdateAsync(long id, string name, bool requiresApproval, CancellationToken cancellationToken = default)
    {
        string trimmed = DomainValidation.Name(name, "area name");
        using var lease = _connections.Open();
        using var update = lease.Command("UPDATE areas SET name = $name, requires_approval = $approval WHERE id = $id");
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$name", trimmed);
        update.Parameters.AddWithValue("$approval", requiresApproval);
        try
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new DomainNotFoundException(DomainErrors.AreaNotFound, $"There is no area {id}.");
            }
        }
        catch (SqliteException exception) when (SqliteText.IsUniqueViolation(exception))
        {
            throw NameTaken(trimmed, exception);
        }

        return (await GetAsync(id, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var delete = lease.Command("DELETE FROM areas WHERE id = $id");
        delete.Parameters.AddWithValue("$id", id);
        try
        {
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteText.SqliteConstraint)
        {
            // Only a foreign key can fail this DELETE; its error did not carry the extended code 787 (seen in tests), so match the plain code.
            throw new DomainConflictException(DomainErrors.AreaInUse, $"Area {id} still has child areas, clusters or users.", exception);
        }
    }

    internal static Area Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        SqliteText.NullableInt64(reader, 1),
        SqliteText.ToAreaKind(reader.GetString(2)),
        reader.GetString(3),
        reader.GetBoolean(4));

    private static DomainConflictException NameTaken(string name, Exception inner) =>
        new(DomainErrors.AreaNameTaken, $"An area named '{name}' already exists at this place in the tree.", inner);

    private async Task CheckParentAsync(NewArea area, CancellationToken cancellationToken)
    {
        if (area.Kind == AreaKind.District)
        {
            if (area.ParentId is not null)
            {
                throw new DomainValidationException(DomainErrors.WrongParentKind, "A district has no parent area.");
            }

            return;
        }

        if (area.ParentId is not long parentId || await GetAsync(parentId, cancellationToken).ConfigureAwait(false) is not { } parent)
        {
            throw new DomainValidationException(DomainErrors.UnknownParentArea, $"The parent area {area.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} does not exist.");
        }

        var expected = area.Kind == AreaKind.Commune ? AreaKind.District : AreaKind.Commune;
        if (parent.Kind != expected)
        {
            throw new DomainValidationException(
                DomainErrors.WrongParentKind,
                $"A {area.Kind.ToString().ToLowerInvariant()} belongs under a {expected.ToString().ToLowerInvariant()}, not under the {parent.Kind.ToString().ToLowerInvariant()} '{parent.Name}'.");
        }
    }

    private async Task<IReadOnlyList<Area>> QueryAsync(string sql, long? id, CancellationToken cancellationToken)
    {
        using var lease = _connections.Open();
        using var command = lease.Command(sql);
        if (id is long value)
        {
            command.Parameters.AddWithValue("$id", value);
        }

        var areas = new List<Area>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            areas.Add(Read(reader));
        }

        return areas;
    }
}
