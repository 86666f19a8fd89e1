using Microsoft.Extensions.Diagnostics.HealthChecks;
using VanYen.Media.Server.Storage;

namespace VanYen.Media.Server.Health;

/// <summary>Healthy when the SQLite file opens and answers a query.</summary>
public sealed class DatabaseHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            command.ExecuteScalar();
            return Task.FromResult(HealthCheckResult.Healthy($"{database.FilePath}, schema version {database.SchemaVersion}"));
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"{database.FilePath}: {exception.Message}"));
        }
    }
}
