using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Audit;

/// <summary>A line to append to the audit log; the log stamps the time and the id.</summary>
public sealed record NewAuditEntry
{
    /// <summary>What was done, e.g. "broadcast.started" (<see cref="AuditActions"/>).</summary>
    public required string Action { get; init; }

    /// <summary>Who did it; <see langword="null"/> for the system itself.</summary>
    public long? UserId { get; init; }

    /// <summary>Their username, kept in the log even if the user is later deleted.</summary>
    public string? UserName { get; init; }

    /// <summary>What it was done to ("cluster", "user", "program", …).</summary>
    public string? TargetKind { get; init; }

    /// <summary>Which one.</summary>
    public string? TargetId { get; init; }

    /// <summary>The area it concerns.</summary>
    public long? AreaId { get; init; }

    /// <summary>Anything else, as a JSON document (checked on append).</summary>
    public string? DetailsJson { get; init; }

    /// <summary>An entry for something <paramref name="user"/> did.</summary>
    public static NewAuditEntry By(User user, string action)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new NewAuditEntry { Action = action, UserId = user.Id, UserName = user.Username };
    }
}
