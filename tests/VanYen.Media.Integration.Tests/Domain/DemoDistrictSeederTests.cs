using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Security;
using VanYen.Media.Server.Seeding;
using VanYen.Media.Server.Storage;

namespace VanYen.Media.Integration.Tests.Domain;

public class DemoDistrictSeederTests
{
    [Fact]
    public async Task TheFirstStartSeedsPrintsAndWritesTheLoginsAndLaterStartsDoNot()
    {
        using var first = new DomainTestDatabase();
        using var console = new StringWriter();

        var result = await first.CreateSeeder().SeedIfEmptyAsync(console);

        Assert.NotNull(result);
        string printed = console.ToString();
        string file = await File.ReadAllTextAsync(result.LoginsFilePath);
        Assert.Equal(Path.Combine(first.DataDirectory, "demo-logins.txt"), result.LoginsFilePath);
        foreach (var login in result.Logins)
        {
            Assert.Contains(login.Username, printed, StringComparison.Ordinal);
            Assert.Contains(login.Password, printed, StringComparison.Ordinal);
            Assert.Contains(login.Password, file, StringComparison.Ordinal);
        }

        Assert.All(result.Devices, d => Assert.Contains(d.Secret, file, StringComparison.Ordinal));
        Assert.All(result.Devices, d => Assert.DoesNotContain(d.Secret, printed, StringComparison.Ordinal));
        Assert.NotEmpty(result.BrowserSpeakers);
        Assert.All(result.BrowserSpeakers, s => Assert.Contains($"/speaker?device={s.ReceiverId}&token={s.Secret}", file, StringComparison.Ordinal));
        Assert.All(result.BrowserSpeakers, s => Assert.DoesNotContain(s.Secret, printed, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(result.LoginsFilePath));
        }

        using var again = new StringWriter();
        Assert.Null(await first.CreateSeeder().SeedIfEmptyAsync(again));
        using var restarted = first.Restart();
        Assert.Null(await restarted.CreateSeeder().SeedIfEmptyAsync(again));
        Assert.Equal(string.Empty, again.ToString());
        Assert.Equal(file, await File.ReadAllTextAsync(result.LoginsFilePath));
        Assert.Single((await restarted.Audit.QueryAsync(new AuditQuery { Action = AuditActions.DemoDistrictSeeded })).Entries);
    }

    [Fact]
    public async Task TheSeededTreeIsVanYenWithCommunesVillagesAndAReceiverOnEveryCluster()
    {
        using var db = new DomainTestDatabase();
        var result = await db.CreateSeeder().SeedIfEmptyAsync(TextWriter.Null);

        var district = Assert.Single(await db.Areas.GetRootsAsync());
        Assert.Equal("Huyện Văn Yên", district.Name);
        var communes = await db.Areas.GetChildrenAsync(district.Id);
        Assert.InRange(communes.Count, 3, 4);
        Assert.Contains(communes, c => c.Name == "Thị trấn Mậu A");
        Assert.All(communes, c => Assert.Equal(AreaKind.Commune, c.Kind));
        int clusterCount = 0;
        foreach (var commune in communes)
        {
            var villages = await db.Areas.GetChildrenAsync(commune.Id);
            Assert.InRange(villages.Count, 2, 3);
            var clusters = await db.Clusters.GetInAreaAsync(commune.Id);
            Assert.Single(clusters, c => c.AreaId == commune.Id);
            foreach (var village in villages)
            {
                Assert.Equal(AreaKind.Village, village.Kind);
                Assert.True(village.RequiresApproval);
                Assert.InRange(clusters.Count(c => c.AreaId == village.Id), 1, 2);
            }

            foreach (var cluster in clusters)
            {
                var receivers = await db.Receivers.GetByClusterAsync(cluster.Id);
                Assert.Single(receivers, r => r.Kind == ReceiverKind.IPSpeaker);
                // The commune centre also gets a browser speaker (/speaker), the demo's way to hear a broadcast at once.
                Assert.Equal(cluster.AreaId == commune.Id ? 1 : 0, receivers.Count(r => r.Kind == ReceiverKind.Browser));
            }

            clusterCount += clusters.Count;
        }

        Assert.Equal(clusterCount, result!.Devices.Count);
        foreach (var device in result.Devices)
        {
            var receiver = await db.Receivers.FindBySecretHashAsync(DeviceSecret.Hash(device.Secret));
            Assert.Equal(device.ReceiverId, receiver!.Id);
            Assert.True(DeviceSecret.Verify(device.Secret, receiver.SecretHash));
        }
    }

    [Fact]
    public async Task TheSeededUsersHaveTheDescribedRolesScopesAndWorkingRandomPasswords()
    {
        using var db = new DomainTestDatabase();
        using var other = new DomainTestDatabase();
        var result = await db.CreateSeeder().SeedIfEmptyAsync(TextWriter.Null);
        var otherResult = await other.CreateSeeder().SeedIfEmptyAsync(TextWriter.Null);
        var tree = await db.Areas.GetTreeAsync();
        var district = tree.Roots.Single();

        var users = new List<User>();
        foreach (var login in result!.Logins)
        {
            var user = (await db.Users.FindByUsernameAsync(login.Username))!;
            users.Add(user);
            Assert.Equal(PasswordVerification.Success, DomainTestDatabase.FastHasher.Verify(login.Password, user.PasswordHash));
            Assert.Equal(login.Role, user.Role);
            Assert.Equal(login.ScopeName, tree.Find(user.ScopeAreaId)!.Name);
        }

        Assert.Equal(district.Id, users.Single(u => u.Username == "admin" && u.Role == UserRole.Admin).ScopeAreaId);
        Assert.Single(users, u => u.Role == UserRole.Approver);
        Assert.Single(users, u => u.Role == UserRole.Viewer && u.Username == "xem.huyen");
        // The district hospital's doctor opens teleconsultations; to the broadcast side it is a viewer.
        Assert.Single(users, u => u.Role == UserRole.Viewer && u.Username == "bacsi.huyen");
        var announcers = users.Where(u => u.Role == UserRole.Announcer).ToList();
        Assert.Equal(tree.Children(district.Id).Select(c => c.Id).Order(), announcers.Where(u => tree.Find(u.ScopeAreaId)!.Kind == AreaKind.Commune).Select(u => u.ScopeAreaId).Order());
        Assert.Single(announcers, u => tree.Find(u.ScopeAreaId)!.Kind == AreaKind.Village);
        Assert.Equal(result.Logins.Count, result.Logins.Select(l => l.Password).Distinct().Count());
        Assert.Empty(result.Logins.Select(l => l.Password).Intersect(otherResult!.Logins.Select(l => l.Password)));
    }

    [Fact]
    public async Task SeedingLeavesAnAuditEntrySoTheLogIsNeverEmpty()
    {
        using var db = new DomainTestDatabase();
        var result = await db.CreateSeeder().SeedIfEmptyAsync(TextWriter.Null);

        var entry = Assert.Single((await db.Audit.QueryAsync(new AuditQuery())).Entries);

        Assert.Equal(AuditActions.DemoDistrictSeeded, entry.Action);
        Assert.Equal((await db.Areas.GetRootsAsync()).Single().Id, entry.AreaId);
        using var details = JsonDocument.Parse(entry.DetailsJson!);
        Assert.Equal(result!.Logins.Count, details.RootElement.GetProperty("users").GetInt32());
        Assert.Equal(result.Devices.Count + result.BrowserSpeakers.Count, details.RootElement.GetProperty("receivers").GetInt32());
    }

    [Fact]
    public async Task AnExistingTreeWithoutUsersIsLeftAlone()
    {
        using var db = new DomainTestDatabase();
        await SmallTree.CreateAsync(db.Areas);

        Assert.Null(await db.CreateSeeder().SeedIfEmptyAsync(TextWriter.Null));
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.False(File.Exists(Path.Combine(db.DataDirectory, DemoDistrictSeeder.LoginsFileName)));
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--VanYen:SeedDemo=false" }, false)]
    public async Task TheSeedDemoOptionSwitchesSeedingAtStartUp(string[] arguments, bool seeded)
    {
        string dataDirectory = Directory.CreateTempSubdirectory("vanyen-domain-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--VanYen:DataDirectory=" + dataDirectory, .. arguments])
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<SqliteDatabase>()
            .AddBroadcastDomain(configuration);
        services.AddOptions<MediaServerOptions>().Bind(configuration.GetSection(MediaServerOptions.SectionName));
        services.AddSingleton(DomainTestDatabase.FastHasher);
        await using (var provider = services.BuildServiceProvider())
        {
            var seeding = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DemoSeedingService>().Single();

            await seeding.StartAsync(CancellationToken.None);

            Assert.Equal(seeded, provider.GetRequiredService<IOptions<DemoSeedOptions>>().Value.SeedDemo);
            provider.GetRequiredService<SqliteDatabase>().Migrate(SchemaMigrations.All);
            Assert.Equal(seeded, await provider.GetRequiredService<IUserRepository>().CountAsync() > 0);
            Assert.Equal(seeded, File.Exists(Path.Combine(dataDirectory, DemoDistrictSeeder.LoginsFileName)));
            Assert.NotNull(provider.GetRequiredService<IAuditLog>());
            Assert.NotNull(provider.GetRequiredService<IClusterRepository>());
            Assert.NotNull(provider.GetRequiredService<IReceiverRepository>());
            Assert.NotNull(provider.GetRequiredService<ITtsAbbreviationRepository>());
            Assert.NotNull(provider.GetRequiredService<IDomainTransactions>());
            Assert.NotNull(provider.GetRequiredService<ILogger<DemoDistrictSeeder>>());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
