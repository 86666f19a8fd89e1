namespace VanYen.Media.Server.Audit;

/// <summary>Filters and a page for reading the audit log; every filter is optional.</summary>
public sealed record AuditQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Entries at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Entries by this user.</summary>
    public long? UserId { get; init; }

    /// <summary>
    /// Entries under this login name (case-insensitive): the user's own actions, and failed logins that tried the
    /// name even when no such user exists.
    /// </summary>
    public string? UserName { get; init; }

    /// <summary>Entries with exactly this action.</summary>
    public string? Action { get; init; }

    /// <summary>Entries whose area is this one or lies below it.</summary>
    public long? AreaId { get; init; }

    /// <summary>Entries older than this id (keyset paging: pass the last id of the previous page).</summary>
    public long? BeforeId { get; init; }

    /// <summary>Entries to skip (offset paging).</summary>
    public int Offset { get; init; }

    /// <summary>Page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 100;
}
