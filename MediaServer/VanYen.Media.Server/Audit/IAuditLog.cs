namespace VanYen.Media.Server.Audit;

/// <summary>The append-only record of who did what, where. Entries are never changed or removed.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry stamped with the current time.</summary>
    /// <exception cref="Domain.DomainValidationException">Empty action, or details that are not JSON.</exception>
    Task<AuditEntry> AppendAsync(NewAuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entries matching the filters, newest first.</summary>
    /// <exception cref="Domain.DomainValidationException">Limit outside 1 to <see cref="AuditQuery.MaxLimit"/>, or a negative offset.</exception>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
