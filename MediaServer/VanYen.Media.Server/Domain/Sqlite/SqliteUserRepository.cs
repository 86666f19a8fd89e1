using System.Globalization;
using Microsoft.Data.Sqlite;

namespace VanYen.Media.Server.Domain.Sqlite;

/// <summary>Console users in SQLite.</summary>
public sealed class SqliteUserRepository : IUserRepository
{
    private const string Columns = "u.id, u.username, u.display_name, u.password_hash, u.role, u.scope_area_id, u.created_at";

    private readonly SqliteDomainTransactions _connections;
    private readonly TimeProvider _time;

    public SqliteUserRepository(SqliteDomainTransactions connections, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(time);
        _connections = connections;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<User?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var users = await QueryAsync($"SELECT {Columns} FROM users u WHERE u.id = $value", id, cancellationToken).ConfigureAwait(false);
        return users.Count == 0 ? null : users[0];
    }

    /// <inheritdoc />
    public async Task<User?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        var users = await QueryAsync($"SELECT {Columns} FROM users u WHERE u.username = $value", username.Trim().ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        return users.Count == 0 ? null : users[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<User>> GetInAreaAsync(long areaId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            WITH RECURSIVE subtree (id) AS (
                SELECT id FROM areas WHERE id = $value
                UNION ALL
                SELECT a.id FROM areas a JOIN subtree s ON a.parent_id = s.id
            )
            SELECT {Columns} FROM users u JOIN subtree s ON s.id = u.scope_area_id
            ORDER BY u.username
            """,
            areaId,
            cancellationToken);

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var count = lease.Command("SELECT COUNT(*) FROM users");
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<User> AddAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        string username = DomainValidation.Username(user.Username);
        string displayName = DomainValidation.Name(user.DisplayName, "display name");
        CheckHash(user.PasswordHash);
        var createdAt = SqliteText.ToText(_time.GetUtcNow());
        using var lease = _connections.Open();
        using var insert = lease.Command(
            """
            INSERT INTO users (username, display_name, password_hash, role, scope_area_id, created_at)
            VALUES ($username, $display, $hash, $role, $scope, $at)
            RETURNING id
            """);
        insert.Parameters.AddWithValue("$username", username);
        insert.Parameters.AddWithValue("$display", displayName);
        insert.Parameters.AddWithValue("$hash", user.PasswordHash);
        insert.Parameters.AddWithValue("$role", SqliteText.ToText(user.Role));
        insert.Parameters.AddWithValue("$scope", user.ScopeAreaId);
        insert.Parameters.AddWithValue("$at", createdAt);
        try
        {
            long id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return new User(id, username, displayName, user.PasswordHash, user.Role, user.ScopeAreaId, SqliteText.ToTimestamp(createdAt));
        }
        catch (SqliteException exception) when (SqliteText.IsUniqueViolation(exception))
        {
            throw new DomainConflictException(DomainErrors.UsernameTaken, $"The username '{username}' is taken.", exception);
        }
        catch (SqliteException exception) when (SqliteText.IsForeignKeyViolation(exception))
        {
            throw UnknownScope(user.ScopeAreaId, exception);
        }
    }

    /// <inheritdoc />
    public async Task<User> UpdateAsync(long id, string displayName, UserRole role, long scopeAreaId, CancellationToken cancellationToken = default)
    {
        string trimmed = DomainValidation.Name(displayName, "display name");
        using (var lease = _connections.Open())
        {
            using var update = lease.Command("UPDATE users SET display_name = $display, role = $role, scope_area_id = $scope WHERE id = $id");
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$display", trimmed);
            update.Parameters.AddWithValue("$role", SqliteText.ToText(role));
            update.Parameters.AddWithValue("$scope", scopeAreaId);
            try
            {
                if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw NotFound(id);
                }
            }
            catch (SqliteException exception) when (SqliteText.IsForeignKeyViolation(exception))
            {
                throw UnknownScope(scopeAreaId, exception);
            }
        }

        return (await GetAsync(id, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken = default)
    {
        CheckHash(passwordHash);
        using var lease = _connections.Open();
        using var update = lease.Command("UPDATE users SET password_hash = $hash WHERE id = $id");
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$hash", passwordHash);
        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw NotFound(id);
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var delete = lease.Command("DELETE FROM users WHERE id = $id");
        delete.Parameters.AddWithValue("$id", id);
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static void CheckHash(string? passwordHash)
    {
        if (!Security.PasswordHasher.IsWellFormed(passwordHash))
        {
            throw new DomainValidationException(DomainErrors.InvalidPasswordHash, "The password hash is not in the form made by PasswordHasher.Hash.");
        }
    }

    private static DomainNotFoundException NotFound(long id) => new(DomainErrors.UserNotFound, $"There is no user {id}.");

    private static DomainValidationException UnknownScope(long scopeAreaId, Exception inner) =>
        new(DomainErrors.UnknownScopeArea, $"The scope area {scopeAreaId} does not exist.", inner);

    private async Task<IReadOnlyList<User>> QueryAsync(string sql, object value, CancellationToken cancellationToken)
    {
        using var lease = _connections.Open();
        using var command = lease.Command(sql);
        command.Parameters.AddWithValue("$value", value);
        var users = new List<User>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            users.Add(new User(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                SqliteText.ToUserRole(reader.GetString(4)),
                reader.GetInt64(5),
                SqliteText.ToTimestamp(reader.GetString(6))));
        }

        return users;
    }
}
