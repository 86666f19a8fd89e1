using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Domain.Sqlite;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Security;
using VanYen.Media.Server.Storage;

namespace VanYen.Media.Browser.Tests.Dashboard;

/// <summary>
/// A data folder with a district, a commune, a village and its cluster, an IP speaker (for the reference receiver)
/// and a Browser receiver (for the speaker page) whose secrets the test knows, and a district-wide announcer.
/// </summary>
internal sealed record DashboardTestDistrict(
    string DataDirectory,
    long ClusterId,
    string ClusterName,
    long SpeakerReceiverId,
    string SpeakerSecret,
    long BrowserReceiverId,
    string BrowserToken,
    string Username,
    string DisplayName,
    string Password) : IDisposable
{
    public static async Task<DashboardTestDistrict> CreateAsync()
    {
        string directory = Directory.CreateTempSubdirectory("vanyen-dashboard-").FullName;
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
        Cluster cluster = await clusters.AddAsync(new NewCluster(village.Id, "Cụm loa nhà văn hoá Làng Hốc"));
        await clusters.AddAsync(new NewCluster(commune.Id, "Cụm loa UBND xã An Thịnh"));
        string speakerSecret = DeviceSecret.Generate();
        Receiver speaker = await receivers.AddAsync(new NewReceiver(cluster.Id, "Loa IP cổng làng", ReceiverKind.IPSpeaker, DeviceSecret.Hash(speakerSecret)));
        string browserToken = DeviceSecret.Generate();
        Receiver browser = await receivers.AddAsync(new NewReceiver(cluster.Id, "Điện thoại cũ nhà văn hoá", ReceiverKind.Browser, DeviceSecret.Hash(browserToken)));
        string password = "dashboard-" + Guid.NewGuid().ToString("N")[..8];
        var hasher = new PasswordHasher(PasswordHasher.MinimumIterations);
        const string displayName = "Phát thanh viên huyện";
        await users.AddAsync(new NewUser("pt.huyen", displayName, hasher.Hash(password), UserRole.Announcer, district.Id));
        SqliteConnection.ClearAllPools();
        return new DashboardTestDistrict(directory, cluster.Id, cluster.Name, speaker.Id, speakerSecret, browser.Id, browserToken, "pt.huyen", displayName, password);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The server may still hold the log file for a moment; the folder is in /tmp.
        }
    }
}
