using VanYen.Media.Server.Audit;

namespace VanYen.Media.Server.Api;

/// <summary>One page of <c>GET /api/audit</c>, newest first.</summary>
public sealed record AuditPageView(IReadOnlyList<AuditEntry> Entries, long TotalCount, int Page, int PageSize);
