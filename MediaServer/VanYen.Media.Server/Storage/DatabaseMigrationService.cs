namespace VanYen.Media.Server.Storage;

/// <summary>Migrates the database before the server takes requests.</summary>
public sealed class DatabaseMigrationService(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        database.Migrate(SchemaMigrations.All);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
