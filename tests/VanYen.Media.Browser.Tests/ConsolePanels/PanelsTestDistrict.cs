using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Domain.Sqlite;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Security;
using VanYen.Media.Server.Storage;

namespace VanYen.Media.Browser.Tests.ConsolePanels;

/// <summary>A data folder with one commune, one village cluster with an IP receiver (secret known) and a commune announcer.</summary>
internal sealed record PanelsTestDistrict(string DataDirectory, long ClusterId, long ReceiverId, string ReceiverSecret, string Username, string Password)
{
    public const string ClusterName = "Cụm loa thử Làng Hốc";

    public static async Task<PanelsTestDistrict> CreateAsync()
    {
        string directory = Directory.CreateTempSubdirectory("vanyen-panels-").FullName;
        var options = Microsoft.Extensions.Options.Options.Create(new MediaServerOptions { DataDirectory = directory });
        var database = new SqliteDatabase(options, NullLogger<SqliteDatabase>.Instance);
        database.Migrate(SchemaMigrations.All);
        var transactions = new SqliteDomainTransactions(database);
        TimeProvider time = TimeProvider.System;
        var areas = new SqliteAreaRepository(transactions);
        var clusters = new SqliteClusterRepository(transactions, areas);
        var receivers = new SqliteReceiverRepository(transactions, time);
        var users = new SqliteUserRepository(transactions, time);
        Area district = await areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Văn Yên"));
        Area commune = await areas.AddAsync(new NewArea(district.Id, AreaKind.Commune, "Xã An Thịnh"));
        Area village = await areas.AddAsync(new NewArea(commune.Id, AreaKind.Village, "Thôn Làng Hốc"));
        Cluster cluster = await clusters.AddAsync(new NewCluster(village.Id, ClusterName));
        string secret = DeviceSecret.Generate();
        Receiver receiver = await receivers.AddAsync(new NewReceiver(cluster.Id, "Bộ thu IP thử", ReceiverKind.IPSpeaker, DeviceSecret.Hash(secret)));
        string password = "panels-test-" + Guid.NewGuid().ToString("N")[..8];
        var hasher = new PasswordHasher(PasswordHasher.MinimumIterations);
        await users.AddAsync(new NewUser("pt.an-thinh", "Phát thanh viên An Thịnh", hasher.Hash(password), UserRole.Announcer, commune.Id));
        SqliteConnection.ClearAllPools();
        return new PanelsTestDistrict(directory, cluster.Id, receiver.Id, secret, "pt.an-thinh", password);
    }
}
