using Microsoft.Data.Sqlite;

namespace VanYen.Media.Server.Domain.Sqlite;

/// <summary>A connection for one repository call; closes it unless it belongs to an open transaction.</summary>
internal readonly struct SqliteConnectionLease(SqliteConnection connection, SqliteTransaction? transaction, bool ownsConnection) : IDisposable
{
    public SqliteConnection Connection => connection;

    /// <summary>A command bound to the lease's transaction, if any.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public void Dispose()
    {
        if (ownsConnection)
        {
            connection.Dispose();
        }
    }
}
