namespace VanYen.Media.Server.Domain;

/// <summary>Starts units of work that span several repositories (e.g. add a user and its audit entry together).</summary>
public interface IDomainTransactions
{
    /// <summary>
    /// Opens a transaction that the repositories join until it is disposed.
    /// Make calls inside it one at a time (await each); transactions do not nest.
    /// </summary>
    Task<IDomainTransaction> BeginAsync(CancellationToken cancellationToken = default);
}
