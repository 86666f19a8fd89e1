namespace VanYen.Media.Server.Audit;

/// <summary>One page of audit entries, newest first.</summary>
/// <param name="Entries">The page.</param>
/// <param name="TotalCount">How many entries match the filters (all pages, ignoring <see cref="AuditQuery.BeforeId"/>).</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long TotalCount);
