namespace VanYen.Media.Server.Audit;

/// <summary>One stored, immutable line of the audit log.</summary>
/// <param name="Id">Increasing with insertion order.</param>
/// <param name="At">When it was appended (UTC).</param>
/// <param name="UserId">Who did it, if a user did (kept even after the user is deleted).</param>
/// <param name="UserName">Their username at the time.</param>
/// <param name="Action">What was done, e.g. "broadcast.started" (<see cref="AuditActions"/>).</param>
/// <param name="TargetKind">What it was done to ("cluster", "user", …), if anything.</param>
/// <param name="TargetId">Which one.</param>
/// <param name="AreaId">The area it concerns, for filtering by subtree.</param>
/// <param name="DetailsJson">Anything else, as a JSON document.</param>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    long? UserId,
    string? UserName,
    string Action,
    string? TargetKind,
    string? TargetId,
    long? AreaId,
    string? DetailsJson);
