using VanYen.Media.Server.Storage;

namespace VanYen.Media.Server.Domain.Sqlite;

/// <summary>
/// Hands the SQLite repositories a connection: the open transaction's one when the
/// current async flow began a transaction, otherwise a fresh pooled connection.
/// </summary>
public sealed class SqliteDomainTransactions : IDomainTransactions
{
    private readonly SqliteDatabase _database;
    private readonly AsyncLocal<SqliteDomainTransaction?> _current = new();

    public SqliteDomainTransactions(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public Task<IDomainTransaction> BeginAsync(CancellationToken cancellationToken = default)
    {
        // Not an async method on purpose: an AsyncLocal set inside an async method would not flow back to the caller.
        cancellationToken.ThrowIfCancellationRequested();
        if (_current.Value is { IsOpen: true })
        {
            throw new InvalidOperationException("A domain transaction is already open in this flow; transactions do not nest.");
        }

        var connection = _database.Open();
        var transaction = new SqliteDomainTransaction(connection, connection.BeginTransaction(), () => _current.Value = null);
        _current.Value = transaction;
        return Task.FromResult<IDomainTransaction>(transaction);
    }

    internal SqliteConnectionLease Open()
    {
        if (_current.Value is { IsOpen: true } transaction)
        {
            return new SqliteConnectionLease(transaction.Connection, transaction.Transaction, ownsConnection: false);
        }

        return new SqliteConnectionLease(_database.Open(), transaction: null, ownsConnection: true);
    }
}
