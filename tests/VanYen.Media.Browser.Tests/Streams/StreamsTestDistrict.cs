using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Domain.Sqlite;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Security;
using VanYen.Media.Server.Storage;

namespace VanYen.Media.Browser.Tests.Streams;

/// <summary>A data folder with one village, its cluster, a Browser receiver and an announcer whose password the test knows.</summary>
internal sealed record StreamsTestDistrict(string DataDirectory, long ClusterId, string ReceiverToken, string Username, string Password)
{
    public static async Task<StreamsTestDistrict> CreateAsync()
    {
        string directory = Directory.CreateTempSubdirectory("vanyen-live-").FullName;
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
        Cluster cluster = await clusters.AddAsync(new NewCluster(village.Id, "Cụm loa Làng Hốc"));
        string token = DeviceSecret.Generate();
        await receivers.AddAsync(new NewReceiver(cluster.Id, "Điện thoại cũ", ReceiverKind.Browser, DeviceSecret.Hash(token)));
        string password = "live-test-" + Guid.NewGuid().ToString("N")[..8];
        var hasher = new PasswordHasher(PasswordHasher.MinimumIterations);
        await users.AddAsync(new NewUser("pt.an-thinh", "Phát thanh viên An Thịnh", hasher.Hash(password), UserRole.Announcer, commune.Id));
        SqliteConnection.ClearAllPools();
        return new StreamsTestDistrict(directory, cluster.Id, token, "pt.an-thinh", password);
    }
}
