using System.Globalization;
using Microsoft.Data.Sqlite;

namespace VanYen.Media.Server.Domain.Sqlite;

/// <summary>How domain values are spelled in the database.</summary>
internal static class SqliteText
{
    /// <summary>Fixed width, so text comparison orders times correctly.</summary>
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public const int SqliteConstraint = 19;
    public const int SqliteConstraintForeignKey = 787;
    public const int SqliteConstraintUnique = 2067;

    public static string ToText(AreaKind kind) => kind switch
    {
        AreaKind.District => "district",
        AreaKind.Commune => "commune",
        AreaKind.Village => "village",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static AreaKind ToAreaKind(string text) => text switch
    {
        "district" => AreaKind.District,
        "commune" => AreaKind.Commune,
        "village" => AreaKind.Village,
        _ => throw new InvalidDataException($"Unknown area kind '{text}' in the database."),
    };

    public static string ToText(ReceiverKind kind) => kind switch
    {
        ReceiverKind.IPSpeaker => "ip-speaker",
        ReceiverKind.Browser => "browser",
        ReceiverKind.HttpStream => "http-stream",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ReceiverKind ToReceiverKind(string text) => text switch
    {
        "ip-speaker" => ReceiverKind.IPSpeaker,
        "browser" => ReceiverKind.Browser,
        "http-stream" => ReceiverKind.HttpStream,
        _ => throw new InvalidDataException($"Unknown receiver kind '{text}' in the database."),
    };

    public static string ToText(UserRole role) => role switch
    {
        UserRole.Viewer => "viewer",
        UserRole.Announcer => "announcer",
        UserRole.Approver => "approver",
        UserRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static UserRole ToUserRole(string text) => text switch
    {
        "viewer" => UserRole.Viewer,
        "announcer" => UserRole.Announcer,
        "approver" => UserRole.Approver,
        "admin" => UserRole.Admin,
        _ => throw new InvalidDataException($"Unknown user role '{text}' in the database."),
    };

    public static string ToText(DateTimeOffset at) => at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ToTimestamp(string text) =>
        DateTimeOffset.ParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string ToText(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static TimeOnly ToTimeOfDay(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A value for a parameter: SQLite wants <see cref="DBNull"/>, not <see langword="null"/>.</summary>
    public static object OrNull(object? value) => value ?? DBNull.Value;

    public static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteErrorCode == SqliteConstraint && exception.SqliteExtendedErrorCode == SqliteConstraintUnique;

    public static bool IsForeignKeyViolation(SqliteException exception) =>
        exception.SqliteErrorCode == SqliteConstraint && exception.SqliteExtendedErrorCode == SqliteConstraintForeignKey;
}
