using System.Globalization;

namespace VanYen.Media.Server.Storage;

/// <summary>
/// This server's persistent identity: made on first start, kept in the
/// database, so logs, metrics and (later) the cluster of nodes can tell servers apart.
/// </summary>
public sealed class ServerInstance
{
    public ServerInstance(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id FROM server_instance LIMIT 1";
        if (select.ExecuteScalar() is string existing)
        {
            Id = existing;
            return;
        }

        Id = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO server_instance (id, created_at) VALUES ($id, $at)";
        insert.Parameters.AddWithValue("$id", Id);
        insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
    }

    /// <summary>The identity, 32 hex digits.</summary>
    public string Id { get; }
}
