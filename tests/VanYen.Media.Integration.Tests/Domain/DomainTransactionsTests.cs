using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Integration.Tests.Domain;

public class DomainTransactionsTests
{
    [Fact]
    public async Task WorkInsideATransactionIsKeptOnlyWhenCommitted()
    {
        using var db = new DomainTestDatabase();

        await using (var rolledBack = await db.Transactions.BeginAsync())
        {
            await db.Areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Bỏ"));
            await db.Audit.AppendAsync(new NewAuditEntry { Action = "area.created" });
            Assert.Single(await db.Areas.GetRootsAsync());
        }

        await using (var committed = await db.Transactions.BeginAsync())
        {
            await db.Areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Giữ"));
            await committed.CommitAsync();
        }

        Assert.Equal(["Huyện Giữ"], (await db.Areas.GetRootsAsync()).Select(a => a.Name));
        Assert.Empty((await db.Audit.QueryAsync(new AuditQuery())).Entries);
    }

    [Fact]
    public async Task TransactionsDoNotNest()
    {
        using var db = new DomainTestDatabase();
        await using var outer = await db.Transactions.BeginAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Transactions.BeginAsync());
    }

    [Fact]
    public async Task AFailedStepLeavesNothingBehind()
    {
        using var db = new DomainTestDatabase();

        await Assert.ThrowsAsync<DomainValidationException>(async () =>
        {
            await using var transaction = await db.Transactions.BeginAsync();
            var district = await db.Areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Văn Yên"));
            await db.Areas.AddAsync(new NewArea(district.Id, AreaKind.Village, "Thôn sai cấp"));
            await transaction.CommitAsync();
        });

        Assert.Empty(await db.Areas.GetRootsAsync());
    }
}
