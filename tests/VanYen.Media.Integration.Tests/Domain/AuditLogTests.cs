using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Integration.Tests.Domain;

public class AuditLogTests
{
    [Fact]
    public async Task AppendStampsTheClockAndIncreasingIds()
    {
        using var db = new DomainTestDatabase();

        var first = await db.Audit.AppendAsync(new NewAuditEntry { Action = "user.signed-in", UserId = 3, UserName = "admin" });
        db.Time.Advance(TimeSpan.FromSeconds(1.5));
        var second = await db.Audit.AppendAsync(new NewAuditEntry { Action = "user.signed-out", UserId = 3, UserName = "admin" });

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 1, 30, 0, TimeSpan.Zero), first.At);
        Assert.Equal(first.At + TimeSpan.FromSeconds(1.5), second.At);
        Assert.True(second.Id > first.Id);
        Assert.Equal([second, first], (await db.Audit.QueryAsync(new AuditQuery())).Entries);
    }

    [Fact]
    public async Task FiltersByTimeRangeUserActionAndAreaSubtree()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        var start = db.Time.GetUtcNow();
        var districtEntry = await AppendAsync(db, "broadcast.started", userId: 1, tree.District.Id);
        var communeEntry = await AppendAsync(db, "broadcast.started", userId: 2, tree.AnThinh.Id);
        var villageEntry = await AppendAsync(db, "broadcast.cancelled", userId: 3, tree.LangHoc.Id);
        var otherCommuneEntry = await AppendAsync(db, "broadcast.started", userId: 4, tree.DongCat.Id);
        var noAreaEntry = await AppendAsync(db, "user.signed-in", userId: 1, areaId: null);

        Assert.Equal(5, (await db.Audit.QueryAsync(new AuditQuery())).TotalCount);
        Assert.Equal([villageEntry, communeEntry], await EntriesAsync(db, new AuditQuery { AreaId = tree.AnThinh.Id }));
        Assert.Equal([otherCommuneEntry, villageEntry, communeEntry, districtEntry], await EntriesAsync(db, new AuditQuery { AreaId = tree.District.Id }));
        Assert.Equal([noAreaEntry, districtEntry], await EntriesAsync(db, new AuditQuery { UserId = 1 }));
        Assert.Equal([otherCommuneEntry, communeEntry, districtEntry], await EntriesAsync(db, new AuditQuery { Action = "broadcast.started" }));
        Assert.Equal([villageEntry, communeEntry], await EntriesAsync(db, new AuditQuery { From = start + TimeSpan.FromMinutes(1), Until = start + TimeSpan.FromMinutes(3) }));
        Assert.Equal([otherCommuneEntry], await EntriesAsync(db, new AuditQuery { Action = "broadcast.started", AreaId = tree.DongCuong.Id, From = start }));
        Assert.Empty(await EntriesAsync(db, new AuditQuery { UserId = 99 }));
    }

    [Fact]
    public async Task PagesByOffsetOrByIdAndCountsEveryMatch()
    {
        using var db = new DomainTestDatabase();
        var entries = new List<AuditEntry>();
        for (int i = 0; i < 7; i++)
        {
            entries.Add(await AppendAsync(db, "program.scheduled", userId: 1, areaId: null));
        }

        entries.Reverse();
        var secondPage = await db.Audit.QueryAsync(new AuditQuery { Offset = 3, Limit = 3 });
        var afterKeyset = await db.Audit.QueryAsync(new AuditQuery { BeforeId = entries[2].Id, Limit = 3 });
        var last = await db.Audit.QueryAsync(new AuditQuery { Offset = 6, Limit = 3 });

        Assert.Equal(entries.Skip(3).Take(3), secondPage.Entries);
        Assert.Equal(7, secondPage.TotalCount);
        Assert.Equal(entries.Skip(3).Take(3), afterKeyset.Entries);
        Assert.Equal([entries[6]], last.Entries);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1001, 0)]
    [InlineData(10, -1)]
    public async Task AnOutOfRangePageIsABadRequest(int limit, int offset)
    {
        using var db = new DomainTestDatabase();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => db.Audit.QueryAsync(new AuditQuery { Limit = limit, Offset = offset }));

        Assert.Equal(DomainErrors.InvalidQuery, error.Reason);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("user.created", "{not json")]
    public async Task AnEntryWithoutActionOrWithDetailsThatAreNotJsonIsABadRequest(string action, string? details)
    {
        using var db = new DomainTestDatabase();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => db.Audit.AppendAsync(new NewAuditEntry { Action = action, DetailsJson = details }));

        Assert.Equal(DomainErrors.InvalidAuditEntry, error.Reason);
        Assert.Equal(0, (await db.Audit.QueryAsync(new AuditQuery())).TotalCount);
    }

    [Fact]
    public async Task EntriesOfADeletedUserStay()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        var user = await db.Users.AddAsync(new NewUser("xem", "Xem", DomainTestDatabase.FastHasher.Hash("x"), UserRole.Viewer, tree.District.Id));
        await db.Audit.AppendAsync(NewAuditEntry.By(user, "user.signed-in"));

        await db.Users.DeleteAsync(user.Id);

        var entry = (await db.Audit.QueryAsync(new AuditQuery { UserId = user.Id })).Entries.Single();
        Assert.Equal("xem", entry.UserName);
    }

    private static async Task<AuditEntry> AppendAsync(DomainTestDatabase db, string action, long userId, long? areaId)
    {
        var entry = await db.Audit.AppendAsync(new NewAuditEntry { Action = action, UserId = userId, UserName = "user" + userId, AreaId = areaId });
        db.Time.Advance(TimeSpan.FromMinutes(1));
        return entry;
    }

    private static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(DomainTestDatabase db, AuditQuery query) =>
        (await db.Audit.QueryAsync(query)).Entries;
}
