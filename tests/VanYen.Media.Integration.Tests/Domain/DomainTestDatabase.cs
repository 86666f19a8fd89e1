using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain.Sqlite;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Security;
using VanYen.Media.Server.Seeding;
using VanYen.Media.Server.Storage;

namespace VanYen.Media.Integration.Tests.Domain;

/// <summary>A real SQLite file in a throw-away data folder, migrated, with every repository over it.</summary>
internal sealed class DomainTestDatabase : IDisposable
{
    private bool _keepDirectory;

    public DomainTestDatabase(string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("vanyen-domain-").FullName;
        Options = Microsoft.Extensions.Options.Options.Create(new MediaServerOptions { DataDirectory = DataDirectory });
        Database = new SqliteDatabase(Options, NullLogger<SqliteDatabase>.Instance);
        Database.Migrate(SchemaMigrations.All);
        Transactions = new SqliteDomainTransactions(Database);
        Areas = new SqliteAreaRepository(Transactions);
        Clusters = new SqliteClusterRepository(Transactions, Areas);
        Receivers = new SqliteReceiverRepository(Transactions, Time);
        Users = new SqliteUserRepository(Transactions, Time);
        Audit = new SqliteAuditLog(Transactions, Time);
        Abbreviations = new SqliteTtsAbbreviationRepository(Transactions);
    }

    /// <summary>The lowest allowed cost keeps seeding tests quick; the hasher's own tests cover the default.</summary>
    public static PasswordHasher FastHasher { get; } = new(PasswordHasher.MinimumIterations);

    public string DataDirectory { get; }

    public IOptions<MediaServerOptions> Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 14, 1, 30, 0, TimeSpan.Zero));

    public SqliteDatabase Database { get; }

    public SqliteDomainTransactions Transactions { get; }

    public SqliteAreaRepository Areas { get; }

    public SqliteClusterRepository Clusters { get; }

    public SqliteReceiverRepository Receivers { get; }

    public SqliteUserRepository Users { get; }

    public SqliteAuditLog Audit { get; }

    public SqliteTtsAbbreviationRepository Abbreviations { get; }

    /// <summary>Simulates a server restart: this instance goes, a new one opens the same folder and migrates again.</summary>
    public DomainTestDatabase Restart()
    {
        _keepDirectory = true;
        Dispose();
        return new DomainTestDatabase(DataDirectory);
    }

    public DemoDistrictSeeder CreateSeeder() => new(
        Transactions, Areas, Clusters, Receivers, Users, Audit, FastHasher, Options, NullLogger<DemoDistrictSeeder>.Instance);

    /// <summary>Runs one SQL statement outside the repositories, as a tamperer with the file would.</summary>
    public int ExecuteRaw(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        if (!_keepDirectory && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
