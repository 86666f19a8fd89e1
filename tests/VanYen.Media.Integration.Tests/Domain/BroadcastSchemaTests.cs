using Microsoft.Data.Sqlite;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;
using VanYen.Media.Server.Storage;

namespace VanYen.Media.Integration.Tests.Domain;

public class BroadcastSchemaTests
{
    [Fact]
    public void MigrationVersionsStartAtOneAndIncreaseByOne()
    {
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.All.Count), SchemaMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public void MigrationsApplyFromAnEmptyFolderAndCreateEveryDomainTable()
    {
        using var db = new DomainTestDatabase();

        Assert.Equal(SchemaMigrations.All[^1].Version, db.Database.SchemaVersion);
        using var connection = db.Database.Open();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Subset(names.ToHashSet(), new HashSet<string> { "areas", "clusters", "receivers", "users", "audit_log", "tts_abbreviations", "server_instance" });
    }

    [Fact]
    public void MigratingAgainOnRestartChangesNothing()
    {
        using var first = new DomainTestDatabase();
        first.Database.Migrate(SchemaMigrations.All);
        using var second = first.Restart();

        Assert.Equal(SchemaMigrations.All[^1].Version, second.Database.SchemaVersion);
        using var connection = second.Database.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal((long)SchemaMigrations.All.Count, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public async Task UsersClustersReceiversAndAuditSurviveARestart()
    {
        using var first = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(first.Areas);
        var cluster = await first.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "Cụm loa nhà văn hoá", "Nhà văn hoá thôn Làng Hốc", 70, new OnAirHours(new TimeOnly(5, 30), new TimeOnly(21, 30))));
        var receiver = await first.Receivers.AddAsync(new NewReceiver(cluster.Id, "Bộ thu 1", ReceiverKind.IPSpeaker, DeviceSecret.Hash("secret-1")));
        var user = await first.Users.AddAsync(new NewUser("pt.lang-hoc", "Phát thanh viên", DomainTestDatabase.FastHasher.Hash("mật khẩu"), UserRole.Announcer, tree.LangHoc.Id));
        var entry = await first.Audit.AppendAsync(NewAuditEntry.By(user, "broadcast.started") with { AreaId = tree.LangHoc.Id, DetailsJson = """{"kind":"tts"}""" });

        using var second = first.Restart();

        Assert.Equal(tree.All, (await second.Areas.GetTreeAsync()).Roots.Concat(await second.Areas.GetDescendantsAsync(tree.District.Id)).OrderBy(a => a.Id));
        Assert.Equal(cluster, await second.Clusters.GetAsync(cluster.Id));
        Assert.Equal(receiver, await second.Receivers.GetAsync(receiver.Id));
        Assert.Equal(user, await second.Users.GetAsync(user.Id));
        Assert.Equal([entry], (await second.Audit.QueryAsync(new AuditQuery())).Entries);
    }

    [Fact]
    public async Task TheDatabaseRefusesAClusterInAnAreaThatDoesNotExist()
    {
        using var db = new DomainTestDatabase();

        var error = Assert.Throws<SqliteException>(() => db.ExecuteRaw("INSERT INTO clusters (area_id, name) VALUES (4242, 'orphan')"));

        Assert.Equal(19, error.SqliteErrorCode);
        var viaRepository = await Assert.ThrowsAsync<DomainValidationException>(() => db.Clusters.AddAsync(new NewCluster(4242, "orphan")));
        Assert.Equal(DomainErrors.UnknownArea, viaRepository.Reason);
    }

    [Fact]
    public async Task AuditEntriesCannotBeChangedOrDeletedEvenWithRawSql()
    {
        using var db = new DomainTestDatabase();
        await db.Audit.AppendAsync(new NewAuditEntry { Action = "user.signed-in", UserName = "admin" });

        var update = Assert.Throws<SqliteException>(() => db.ExecuteRaw("UPDATE audit_log SET user_name = 'someone else'"));
        var delete = Assert.Throws<SqliteException>(() => db.ExecuteRaw("DELETE FROM audit_log"));

        Assert.Contains("immutable", update.Message, StringComparison.Ordinal);
        Assert.Contains("immutable", delete.Message, StringComparison.Ordinal);
        Assert.Equal("admin", (await db.Audit.QueryAsync(new AuditQuery())).Entries.Single().UserName);
    }

    [Fact]
    public async Task TheStarterAbbreviationsAreThereAndUsersCanAddTheirOwn()
    {
        using var db = new DomainTestDatabase();

        await db.Abbreviations.SetAsync(new TtsAbbreviation("HTX", "hợp tác xã"));
        await db.Abbreviations.SetAsync(new TtsAbbreviation("UBND", "Ủy ban nhân dân"));
        var all = await db.Abbreviations.GetAllAsync();

        Assert.Contains(new TtsAbbreviation("HĐND", "Hội đồng nhân dân"), all);
        Assert.Contains(new TtsAbbreviation("HTX", "hợp tác xã"), all);
        Assert.Single(all, a => a.Abbreviation == "UBND");
        Assert.Equal(all.Select(a => a.Abbreviation.Length).OrderDescending(), all.Select(a => a.Abbreviation.Length));
        Assert.True(await db.Abbreviations.DeleteAsync("HTX"));
        Assert.False(await db.Abbreviations.DeleteAsync("HTX"));
        var bad = await Assert.ThrowsAsync<DomainValidationException>(() => db.Abbreviations.SetAsync(new TtsAbbreviation("U BND", "x")));
        Assert.Equal(DomainErrors.InvalidAbbreviation, bad.Reason);
    }
}
