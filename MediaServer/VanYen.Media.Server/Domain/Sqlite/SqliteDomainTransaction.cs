using Microsoft.Data.Sqlite;

namespace VanYen.Media.Server.Domain.Sqlite;

/// <summary>One SQLite transaction that the repositories in the same async flow join.</summary>
internal sealed class SqliteDomainTransaction(SqliteConnection connection, SqliteTransaction transaction, Action onClosed) : IDomainTransaction
{
    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public bool IsOpen { get; private set; } = true;

    private bool IsDisposed { get; set; }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("The transaction is already closed.");
        }

        await Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        IsOpen = false;
    }

    public ValueTask DisposeAsync()
    {
        // Synchronous on purpose, so clearing the AsyncLocal happens in the caller's flow.
        if (IsDisposed)
        {
            return ValueTask.CompletedTask;
        }

        IsDisposed = true;
        if (IsOpen)
        {
            Transaction.Rollback();
            IsOpen = false;
        }

        onClosed();
        Transaction.Dispose();
        Connection.Dispose();
        return ValueTask.CompletedTask;
    }
}
