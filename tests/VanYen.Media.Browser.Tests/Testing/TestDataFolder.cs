using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Domain.Sqlite;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Security;
using VanYen.Media.Server.Storage;

namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>
/// A fresh server data folder (migrated SQLite, no demo seeding: faster than the demo district's password hashing)
/// with the repositories a test needs to write the few areas, clusters, receivers and users it uses. Dispose before
/// the server starts: it closes the pooled connections so the server owns the file.
/// </summary>
internal sealed class TestDataFolder : IDisposable
{
    private TestDataFolder(string directory)
    {
        Directory = directory;
        var options = Microsoft.Extensions.Options.Options.Create(new MediaServerOptions { DataDirectory = directory });
        var database = new SqliteDatabase(options, NullLogger<SqliteDatabase>.Instance);
        database.Migrate(SchemaMigrations.All);
        var transactions = new SqliteDomainTransactions(database);
        Areas = new SqliteAreaRepository(transactions);
        Clusters = new SqliteClusterRepository(transactions, Areas);
        Receivers = new SqliteReceiverRepository(transactions, TimeProvider.System);
        Users = new SqliteUserRepository(transactions, TimeProvider.System);
    }

    /// <summary>The folder to give the server as its data directory.</summary>
    public string Directory { get; }

    public SqliteAreaRepository Areas { get; }

    public SqliteClusterRepository Clusters { get; }

    public SqliteReceiverRepository Receivers { get; }

    public SqliteUserRepository Users { get; }

    /// <summary>Creates the folder under /tmp, named with <paramref name="prefix"/>, and migrates its database.</summary>
    public static TestDataFolder Create(string prefix) => new(System.IO.Directory.CreateTempSubdirectory(prefix).FullName);

    /// <summary>Adds a receiver of <paramref name="kind"/> to the cluster; returns it with the secret only the test knows.</summary>
    public async Task<(Receiver Receiver, string Secret)> AddReceiverAsync(long clusterId, string name, ReceiverKind kind)
    {
        string secret = DeviceSecret.Generate();
        Receiver receiver = await Receivers.AddAsync(new NewReceiver(clusterId, name, kind, DeviceSecret.Hash(secret)));
        return (receiver, secret);
    }

    /// <summary>Adds a user with a random password (hashed with the fewest iterations allowed); returns the password.</summary>
    public async Task<string> AddUserAsync(string username, string displayName, UserRole role, long areaId)
    {
        string password = username + "-" + Guid.NewGuid().ToString("N")[..8];
        var hasher = new PasswordHasher(PasswordHasher.MinimumIterations);
        await Users.AddAsync(new NewUser(username, displayName, hasher.Hash(password), role, areaId));
        return password;
    }

    /// <inheritdoc />
    public void Dispose() => SqliteConnection.ClearAllPools();
}
