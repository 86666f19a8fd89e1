namespace VanYen.Media.Server.Storage;

/// <summary>The schema history of the server's database, oldest first.</summary>
public static class SchemaMigrations
{
    /// <summary>Every migration, in order. Append; never edit one that has shipped.</summary>
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "server instance identity",
            """
            CREATE TABLE server_instance (
                id TEXT PRIMARY KEY,
                created_at TEXT NOT NULL
            );
            """),
    ];
}
